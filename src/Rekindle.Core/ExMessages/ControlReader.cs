using System.Text.RegularExpressions;
using Rekindle.Core.Coach;

namespace Rekindle.Core.ExMessages;

/// <summary>The patterns of control the healing track names in a message from the ex.</summary>
public enum ControlPattern
{
    GuiltTripping,
    Threats,
    LoveBombing,
    PromisesToChange,
    Monitoring,
    Hoovering,
    BlameShifting,
}

/// <summary>What the healing track suggests: no reply at all, or a brief, factual reply about the practical matter only.</summary>
public enum HealingReply { NoReply, LogisticsOnly }

/// <summary>One pattern found, with where it is in the message (UTF-16 offsets into what was pasted).</summary>
public sealed record ControlFinding(ControlPattern Pattern, int Start, int Length);

/// <param name="Patterns">Each pattern found, once, in the order of the message.</param>
/// <param name="Logistics">The message is (also) about a practical matter: children, a time or place, keys, belongings, money.</param>
public sealed record ControlReading(IReadOnlyList<ControlFinding> Findings, bool Logistics, HealingReply Reply)
{
    public IReadOnlyList<ControlPattern> Patterns => Findings.Select(f => f.Pattern).Distinct().ToList();

    /// <summary>Ordinary logistics and nothing else: a short practical answer fits.</summary>
    public bool PlainLogistics => Logistics && Findings.Count == 0;
}

/// <summary>
/// On the healing track (the safety screen said yes), a message from the ex is read for control, not weighed for
/// substance: it names guilt-tripping, threats, love-bombing, promises to change, checking up, hoovering and
/// blame-shifting where it finds them. It never judges a message worth answering on its merits; the most it
/// suggests is a brief, factual reply about a practical matter. Deterministic, no I/O; text-speak is read like
/// the full words (the coach's <see cref="NormalizedText"/>).
/// </summary>
public static class ControlReader
{
    public const int MaxLength = 10_000;

    private static readonly (ControlPattern Pattern, Regex Regex)[] All =
    [
        (ControlPattern.Threats, Build(
            @"\b(?:i'll|i will|i'm going to|going to|i'm gonna|i swear i'll) (?:kill|hurt|destroy|ruin|end|finish) (?:you|him|her|your|them|myself)\b",
            @"\b(?:you'll|you will|you're going to) (?:regret (?:this|it|that|what|leaving|it if)|pay(?: for)?|be sorry|never see)\b",
            @"\bmake you (?:pay|sorry|regret)\b",
            @"\bwatch (?:your back|yourself|what happens)\b",
            @"\bi know where you (?:live|work|are|sleep)\b",
            @"\b(?:i'll|i will|i'm going to) (?:show up|come|turn up|come round|come over) (?:at|to|round to) your\b",
            @"\b(?:i'll|i will|i'm going to|going to) (?:post|send|share|leak|show everyone|show) (?:your|those|the|our) (?:pics|photos|pictures|nudes|videos|messages|texts)\b",
            @"\b(?:i'll|i will|i'm going to) (?:tell|call|email|message) (?:everyone|your (?:boss|work|family|mom|mum|dad|parents|friends|new))\b(?! (?:to (?:arrange|ask|check|sort|confirm)|about (?:the |pick|drop|collect)))",
            @"\bor else\b",
            @"\bmake your life (?:hell|miserable|a living hell)\b",
            @"\bif i can't have you\b",
            @"\bno ?one (?:else )?(?:can|will) have you\b",
            @"\b(?:i'll|i will|i'm going to) (?:take|keep) (?:the kids|the children|the baby|the dog|the cat|them) (?:away|from you)\b",
            @"\byou(?:'ll| will) never see (?:the kids|the children|them|the baby|your (?:kids|children|son|daughter)) again\b",
            @"\bdon't make me\b",
            @"\byou don't want to (?:see|know) what\b",
            @"\bif you (?:leave|don't|won't|block|ignore)[^.!?]{0,60}\b(?:i'll|i will|you'll|you will)\b",
            @"\byou(?:'ll| will) be sorry\b",
            @"\b(?:slash|key|smash|trash|burn) (?:his|her|your|their) (?:tires|tyres|car|windows|stuff|things)\b")),
        (ControlPattern.GuiltTripping, Build(
            @"\bafter (?:everything|all) (?:i|i've) (?:did|done|gave|have done|sacrificed) for you\b",
            @"\bafter all (?:these|those|the) years\b",
            @"\bhow could you\b",
            @"\byou broke my heart\b",
            @"\byou (?:ruined|destroyed|wrecked) (?:me|my life|everything|us|this family)\b",
            @"\bi hope you're (?:happy|proud|satisfied)\b",
            @"\byou (?:don't|never|didn't) (?:even )?care\b",
            @"\bdo you even (?:care|feel bad|think about)\b",
            @"\blook what you(?:'ve)? (?:did|done) to me\b",
            @"\byou did this to me\b",
            @"\bi gave you (?:everything|the best years|my all|my life)\b",
            @"\byou owe me\b",
            @"\byou left me (?:alone|with nothing|to rot)\b",
            @"\bi (?:can't|cannot|haven't) (?:eat|sleep|function|stop crying)\w*(?: because of you| since you)?\b",
            @"\b(?:the kids|the children|your (?:son|daughter|kids|children)) (?:are|is|keep|keeps) (?:crying|asking (?:why|where|for you)|heartbroken|devastated|miss)\w*",
            @"\byou(?:'re| are) (?:tearing|breaking|ripping) (?:this|our|the) family apart\b",
            @"\byou(?:'re| are) abandoning\b",
            @"\bi don't deserve (?:this|to be treated)\b",
            @"\bhope you can live with (?:yourself|that|this)\b",
            @"\bi'm (?:nothing|falling apart|a mess|a wreck) without you\b",
            @"\bthe least you (?:can|could) do\b",
            @"\bit's like i never (?:existed|mattered)\b",
            @"\bhow can you be so (?:cold|cruel|heartless|selfish)\b")),
        (ControlPattern.BlameShifting, Build(
            @"\b(?:it's|it is|it was|this is|that's|that is) (?:all |entirely )?your (?:own )?fault\b",
            @"\byou made me (?:do|say|act|like this|this way|angry|jealous|lose|hit|shout|yell|react|crazy)\b",
            @"\bif you (?:hadn't|had not|didn't|did not|wouldn't|would not|had just|just)\b[^.!?]{0,60}\b(?:i (?:wouldn't|would not|would never|never)|none of this|this wouldn't|it wouldn't)\b",
            @"\bi (?:wouldn't|would never|would not) have (?:had to )?(?:\w+ ){0,3}if you\b",
            @"\byou (?:pushed|drove|forced) me (?:to|into|away)\b",
            @"\byou(?:'re| are) the (?:one who|reason|problem)\b",
            @"\blook what you made me\b",
            @"\byou(?:'re| are) (?:crazy|overreacting|too sensitive|imagining (?:things|it)|making (?:it|things|this) up|so dramatic|being dramatic|paranoid|insane|psycho)\b",
            @"\bthat never happened\b",
            @"\bi never said that\b",
            @"\byou(?:'re| are) (?:remembering|twisting|making) (?:it|things|this) (?:wrong|up)\b",
            @"\byou started (?:it|this|all this)\b",
            @"\bwhat did you expect\b",
            @"\byou brought (?:this|it) on yourself\b",
            @"\byou know how i get\b",
            @"\byou (?:always|never) (?:make|made|start|push|provoke|listen|let me)\w*\b",
            @"\bi only (?:did|said) (?:it|that) because you\b",
            @"\bif you (?:loved|respected|cared about) me you (?:wouldn't|would)\b")),
        (ControlPattern.Monitoring, Build(
            @"\bwho (?:were|are|was|have) you (?:been )?(?:with|talking to|texting|messaging|seeing|out with)\b",
            @"\b(?:i )?(?:saw|see|seen|noticed) (?:that )?you (?:were|was|are|been) (?:online|active|on (?:whatsapp|insta|instagram|facebook|snap|snapchat|tinder|hinge|bumble)|up late|out)\b",
            @"\byou were (?:online|active|on) (?:at|last night|till|until|all night|earlier)\b",
            @"\b(?:last seen|your last seen|you read (?:it|my message) (?:at|and)|read receipts?)\b",
            @"\bwhere (?:were|are|have) you (?:been )?(?:last night|tonight|today|all day|at|going|yesterday|this weekend)\b",
            @"\bwhy (?:were|are|was) you (?:out|online|up|awake|at) (?:so late|late|at|till|until|with)\b",
            @"\bi (?:saw|seen|watched) (?:your|you) (?:story|stories|post|posts|car|photo|pics|picture|status|on (?:insta|instagram|facebook|snap))\b",
            @"\bi (?:know|heard) (?:that )?you (?:went|were|was|have been|met|saw)\b",
            @"\bwho(?:'s| is| was) (?:he|she|that|the guy|the girl|the man|the woman|that guy|that girl)\b",
            @"\b(?:left|leaving) me on (?:read|delivered|seen)\b",
            @"\b(?:read|seen|opened) (?:my message|it|my text) (?:and|but) (?:didn't|did not|never|still haven't)\b",
            @"\b(?:send|show) me (?:a )?(?:photo|pic|picture|selfie|screenshot|video|proof) (?:of where|of who|to prove|so i know)\b",
            @"\b(?:share|turn on|send me) (?:your )?location\b",
            @"\bwhy is your (?:phone|location|find my|snap map) (?:off|switched off|turned off|hidden|disabled)\b",
            @"\bi (?:drove|walked|went) (?:past|by) (?:your|the house|the flat|your place|work)\b",
            @"\bwhat time did you (?:get (?:home|back|in)|leave)\b",
            @"\bwho did you (?:go|see|meet|sleep)\b",
            @"\byour (?:friends?|sister|brother|mum|mom|cousin) told me (?:you|that you|where)\b",
            @"\bi(?:'ve| have) been (?:watching|checking|keeping an eye on|following)\b",
            @"\bi('ll| will) know if you\b",
            @"\bwhy didn't you (?:answer|pick up|reply)\b[^.!?]{0,30}\b(?:who|where)\b")),
        (ControlPattern.Hoovering, Build(
            @"\bi (?:just )?(?:need|want) to (?:talk|see you|speak)(?: to you| with you)?(?: just)? (?:once|one (?:more|last) time|for (?:five|5|ten|10|two|2|a few) (?:minutes|mins)|for a (?:minute|sec|second)|face to face|in person)\b",
            @"\b(?:can|could) we (?:just )?(?:talk|meet|see each other) (?:once|one (?:more|last) time|face to face|in person|for a minute)\b",
            @"\bone (?:last|more|final) (?:time|talk|coffee|conversation|chance to explain|drink|night)\b",
            @"\b(?:it's|this is|there's|i have|we have) (?:a |an )?(?:real )?emergency\b",
            @"\b(?:i'm|i am|i was|i've been) (?:in (?:the )?hospital|really sick|in a bad way|in trouble)\b",
            @"\bsomething (?:bad )?(?:happened|has happened)[^.!?]{0,30}\b(?:call me|need you|need to talk)\b",
            @"\bi need your help\b",
            @"\b(?:i|i've) (?:found|came across|was looking at|looked at) (?:our|an old|old) (?:photos?|pictures?|pics|videos?|letters?|messages)\b",
            @"\bremember (?:when|the time|that time|our|how we|the day|the night)\b",
            @"\b(?:our|that) song\b",
            @"\b(?:i was |been |i've been |i keep )?(?:thinking|dreaming) (?:about|of) (?:you|us|the old days)\b",
            @"\bi (?:still )?miss (?:you|us|the way|what we had|your)\b",
            @"\bi (?:got|bought|have|made) (?:you|something for you) (?:something|a (?:present|gift|little something)|flowers|your favou?rite)\b",
            @"\b(?:i|i've) (?:sent|left|dropped off|ordered) (?:you )?(?:something|a (?:gift|present|parcel|package)|flowers) (?:for you|at your|to your)?\b",
            @"\b(?:hey|hi|hello) stranger\b",
            @"\blong time no (?:see|talk|speak)\b",
            @"\bjust (?:checking in|wanted to (?:say hi|see how|check on you|hear your voice))\b",
            @"\b(?:i )?(?:had|have) a dream about (?:you|us)\b",
            @"\bsaw this and thought of you\b",
            @"\b(?:do you still have|you still have|i think i left) my\b",
            @"\bthe good (?:old )?(?:days|times)\b",
            @"\bwe were so (?:good|happy|great) together\b",
            @"\bdo you ever think about (?:us|me|what we had)\b")),
        (ControlPattern.LoveBombing, Build(
            @"\byou(?:'re| are) (?:the love of my life|my soul ?mate|my everything|my world|my whole world|the only one|perfect|my other half)\b",
            @"\bsoul ?mates?\b",
            @"\bi(?:'ve| have)? never loved anyone (?:like|the way|as much)\b",
            @"\bno ?one (?:else )?will (?:ever )?love you (?:like|the way|as much as) i\b",
            @"\b(?:we(?:'re| are| were)|we're) meant to be\b",
            @"\bi can't live without you\b",
            @"\bi love you (?:so much|more than anything|more than life|to death|forever)\b",
            @"\bbest thing that (?:ever )?happened to me\b",
            @"\bi(?:'ll| will|'d| would) (?:give|do) (?:you )?(?:anything|everything|the world)\b",
            @"\bi(?:'ll| will|'d| would) (?:buy|take|get) you (?:a|an|anything|on|to|that)\b",
            @"\bmarry me\b",
            @"\blet's (?:get married|have a baby|move in|go away|start a family)\b",
            @"\byou(?:'re| are) the only (?:one|person) (?:who|that|i)\b",
            @"\bi(?:'ll| will) (?:never|always) (?:leave|love) you\b",
            @"\bforever and always\b",
            @"(?:❤️|❤|😍|😘|🥰|💕|💖|💗|💓|💞)(?:\s*(?:❤️|❤|😍|😘|🥰|💕|💖|💗|💓|💞)){2,}")),
        (ControlPattern.PromisesToChange, Build(
            @"\b(?:i've|i have) (?:really |truly |completely |totally )?changed\b",
            @"\b(?:i'll|i will|i'm going to|i promise (?:i'll|to)) (?:change|be better|be different|do better|get help|stop (?:drinking|lying|being|doing)|work on myself|never (?:do|hurt|lie|cheat|drink|yell|shout|touch|hit|raise))\b",
            @"\bi'm a (?:different|new|changed|better) (?:person|man|woman)\b",
            @"\b(?:it|that|this) will never happen again\b",
            @"\bi promise (?:i'll|i will|it will|it'll|it won't|things will|i won't|i'm going to|i can|i've|you|to)\b",
            @"\bi swear (?:i'll|i will|it will|things will|i won't|it won't|i've changed|on)\b",
            @"\b(?:it|things) (?:will|'ll|is going to|are going to) be (?:different|better) (?:this time|now|from now on)\b",
            @"\bthis time (?:will be|it'll be|it will be|is) different\b",
            @"\b(?:i'm|i am) (?:getting|going to get|in|starting|booked|doing) (?:help|therapy|counselling|counseling|anger management|rehab)\b",
            @"\bi won't (?:ever )?(?:do|say) (?:that|it|those things) again\b",
            @"\bgive me (?:one more|another|a second|a last|one last) chance\b",
            @"\b(?:last|final) chance\b")),
    ];

    /// <summary>Practical matters: children, times and places, keys, belongings, money, appointments.</summary>
    private static readonly Regex LogisticsCues = Build(
        @"\b(?:pick ?up|pickup|picking (?:up|them|him|her)|drop ?off|dropping (?:off|them|him|her)|handover|hand over|collect(?:ing|ion)?)\b",
        @"\b(?:school|nursery|daycare|childcare|football|swimming|practice|homework|half term|term|holidays?|parents evening)\b",
        @"\b(?:the )?(?:kids|children|baby|son|daughter|boys|girls)\b",
        @"\b(?:keys?|spare key|post|mail|parcel|boxes|stuff|things|belongings|clothes|bike|car|car seat|sofa|tv|furniture)\b",
        @"\b(?:rent|bills?|money|pay|paid|payment|transfer|deposit|lease|landlord|mortgage|insurance|council tax|account|maintenance|child support)\b",
        @"\b(?:doctor|dentist|appointment|vet|hospital appointment|passport|form|forms|documents|paperwork|solicitor|lawyer|mediation|court)\b",
        @"[£$€]\s?\d");

    /// <summary>A day or a time: practical on its own ("there at 5.15"), but in a controlling message it is part of the checking up ("online at 2am").</summary>
    private static readonly Regex WhenCues = Build(
        @"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|weekend|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b",
        @"\bat \d{1,2}(?:[:.]\d{2})?\b|\b\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\b");

    public static ControlReading Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > MaxLength)
        {
            message = message[..MaxLength];
        }

        var text = NormalizedText.From(message);
        var findings = new List<ControlFinding>();
        foreach (var (pattern, regex) in All)
        {
            foreach (Match match in regex.Matches(text.Text))
            {
                if (match.Length == 0)
                {
                    continue;
                }

                var (start, length) = text.Original(match.Index, match.Length);
                if (!findings.Any(f => f.Pattern == pattern && start < f.Start + f.Length && f.Start < start + length))
                {
                    findings.Add(new ControlFinding(pattern, start, length));
                }
            }
        }

        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pattern.CompareTo(b.Pattern));
        var logistics = LogisticsCues.IsMatch(text.Text) || (findings.Count == 0 && WhenCues.IsMatch(text.Text));
        return new ControlReading(findings, logistics, logistics ? HealingReply.LogisticsOnly : HealingReply.NoReply);
    }

    private static Regex Build(params string[] patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Regex.InfiniteMatchTimeout);
}
