using System.Text.RegularExpressions;

namespace Rekindle.Core.Safety;

/// <summary>
/// The first layer: phrasings that mean danger whatever surrounds them, read over <see cref="Coach.NormalizedText"/>
/// (lower case, straight quotes, shorthand spelled out: "kms" is "kill myself"). They are precise on purpose;
/// everything indirect is the learned layer's work. Idioms ("killing myself laughing", "want to die of
/// embarrassment") are excluded in the patterns themselves.
/// </summary>
internal static class CrisisRules
{
    private const string Me = @"(?:i|i'm|i am|im|i've|i'll|i'd|me)";
    private const string Them = @"(?:he|she|they|my ex|him|her|them|he's|she's|they're)";
    private const string Soon = @"(?:i'm going to|i am going to|going to|i'll|i will|i want to|i wanna|want to|i need to|i'm gonna|i have to|i'm about to|planning to|i plan to|i might|i'm ready to|ready to|i'd rather|i just want to|i really want to|i'm thinking of|thinking about|thinking of|i keep thinking about|decided to|i've decided to|i think i'll|tempted to)";

    public static readonly IReadOnlyList<(CrisisLevel Level, CrisisKind Kind, Regex Pattern)> All =
    [
        (CrisisLevel.Crisis, CrisisKind.SelfHarm, Build(
            @"\bkill(?:ing)? myself\b(?! (?:laughing|with (?:work|laughter)|at (?:work|the gym)|trying|over (?:this|an?|the|my) (?:essay|exam|job|assignment|project|deadline)))",
            @"\b(?:end|ending|take|taking|took) my (?:own )?life\b",
            @"\bend(?:ing)? it all\b",
            @"\b" + Soon + @" (?:end it|end things|do it) (?:tonight|today|tomorrow|this (?:week|weekend)|for good|once and for all|soon)\b",
            @"\b(?:i|i just|i really|i honestly|i literally|i still|i sometimes|i) (?:want|wanna|wish) (?:to die|i (?:was|were) dead|to be dead|i could die|i would die|i'd die)\b(?! (?:of|from|laughing|for|a little|inside))",
            @"\bi'd rather (?:be )?(?:die|dead)\b(?! (?:than (?:go|wear|eat|sit|work|be seen)))",
            @"\b(?:don't|do not|dont) want to (?:live|be alive|be here|exist|wake up|go on|keep going|keep living)(?: anymore| any more| tomorrow| ever again)?\b(?! (?:in|with|near|without|like this with) )",
            @"\b(?:wish|hope) (?:i|that i) (?:don't|do not|won't|never) wake up\b",
            @"\bnever wake up\b",
            @"\b(?:everyone|everybody|they|you|the world|my family|my kids|people) (?:would|will|'d) be better off (?:without me|if i (?:was|were|wasn't|weren't) (?:gone|dead|here|around))\b",
            @"\bbetter off dead\b",
            @"\b(?:i'm|i am|feeling|feel|felt|been|getting|i get) (?:so |really |very |pretty |kind of |a bit |quite |super |extremely |actively |really really )?suicidal\b",
            @"\b(?:my|a|writing (?:a|my)|wrote (?:a|my)|left (?:a|my)) (?:suicide|goodbye) (?:note|notes|letter|letters)\b",
            @"\b(?:thinking|thought|think|thoughts) (?:about|of) (?:suicide|killing myself|ending (?:it|my life|things)|taking my (?:own )?life)\b",
            @"\b(?:commit|attempt|attempted|committing) suicide\b",
            @"\bsuicide (?:attempt|plan|plans)\b(?<=(?:my|a) suicide \w+)",
            @"\b(?:no|nothing|no reason) (?:left )?to live for\b",
            @"\bno reason (?:left )?to (?:live|stay|keep going|go on)\b",
            @"\b(?:life|my life) (?:isn't|is not|ain't) worth living\b",
            @"\bnot worth living\b",
            @"\b(?:having|have|had|get|getting|keep having|been having) (?:really |so many |a lot of |constant )?suicidal (?:thoughts|feelings|urges)\b",
            @"\b(?:don't|do not|can't|cannot) see (?:the|any) point (?:in|of) (?:living|going on|being here|being alive|staying alive|carrying on)\b",
            @"\bno point (?:in )?(?:living|going on|being alive|staying alive)\b",
            @"\bwish i'd never been born\b",
            @"\bi (?:don't|do not) deserve to (?:live|be alive|exist)\b",
            @"\bi (?:can't|cannot) (?:go on|do this|keep going|live like this) (?:anymore|any more|much longer)\b.{0,60}\b(?:end|die|dead|gone|pills|goodbye)\b",
            @"\b(?:overdose|overdosing|overdosed)\b",
            @"\b(?:took|swallowed|taken|take|taking|swallow|saving up|saved up|stockpiling|hoarding|collecting|counting) (?:all |a bunch of |too many |every one of |enough |the rest of )?(?:my |the |those |these |all the )?(?:pills|tablets|sleeping pills|meds|painkillers)\b(?!.{0,20}\b(?:for (?:my|the) (?:headache|migraine|back|cold)|with food|as prescribed|on time)\b)",
            @"\b(?:hurt|harm|cut|cutting|burn|burning|hurting|harming) myself\b(?! (?:shaving|cooking|on (?:a|the|some)|at the gym|playing|running|by accident|accidentally|while|chopping|in the kitchen|lifting|training))",
            @"\bself[- ]?harm(?:ing|ed)?\b(?<!\bno self[- ]?harm\w*)",
            @"\b(?:started|start|starting|back to) cutting (?:again|myself)\b",
            @"\bcutting again\b",
            @"\b(?:relapsed|relapse) (?:on|into) (?:cutting|self[- ]?harm)\b",
            @"\bthis is (?:my )?goodbye\b",
            @"\bby the time you (?:read|see|get) this\b",
            @"\b(?:won't|will not|wont) be (?:around|here|alive) (?:much longer|for (?:much|very) long|anymore|tomorrow|by (?:morning|tomorrow))\b",
            @"\bthe last (?:time )?you(?:'ll| will) (?:ever )?hear from me\b",
            @"\b(?:jump|jumping) (?:off|from|in front of) (?:a|the|that) (?:bridge|building|roof|train|cliff|balcony|car|bus)\b",
            @"\b(?:hang|hanging|hanged) myself\b",
            @"\bslit(?:ting)? my (?:wrists?|throat)\b",
            @"\b(?:shoot|shooting) myself\b",
            @"\b(?:drown|drowning) myself\b(?! in (?:work|coffee|tea|wine|chocolate|netflix|books|paperwork))",
            @"\bwant(?:ed)? (?:it all|everything|the pain|this) to (?:end|stop) (?:for good|forever|permanently)\b",
            @"\bi'm (?:going to|gonna) (?:do it|end it) tonight\b",
            @"\bdisappear (?:forever|for good|permanently)\b(?<!\b(?:phone|app|message|messages|account|post|photos?) (?:to )?disappear \w+)")),
        (CrisisLevel.Crisis, CrisisKind.ExSelfHarm, Build(
            @"\b" + Them + @" (?:said|says|say|keeps saying|kept saying|told me|threatened|threatens|is threatening|texted|messaged|wrote|posted|swore)(?: that)? (?:he'd|she'd|they'd|he'll|she'll|they'll|he would|she would|they would|he will|she will|they will|he's going to|she's going to|they're going to|to) (?:kill|hurt|harm|cut) (?:himself|herself|themselves|themself)\b",
            @"\b" + Them + @" (?:said|says|keeps saying|told me|threatened|threatens|texted|messaged)(?: that)? (?:he'd|she'd|they'd|he'll|she'll|they'll|he would|she would|he will|she will|he's going to|she's going to|to) (?:end (?:his|her|their) (?:own )?life|end it all|take (?:his|her|their) (?:own )?life|overdose|jump)\b",
            @"\b(?:he'll|she'll|they'll|he will|she will|he'd|she'd|he would|she would|he's going to|she's going to|is going to|threatening to|threatened to|threatens to) (?:kill|hurt|harm) (?:himself|herself|themselves)\b(?!.{0,15}\b(?:laughing|at the gym|with work)\b)",
            @"\b(?:he's|she's|he is|she is|my ex is|they're|they are) (?:suicidal|cutting again|self[- ]?harming|talking about (?:suicide|ending it|killing (?:himself|herself|themselves)))\b",
            @"\b(?:kill|hurt|harm) (?:himself|herself|themselves) if (?:i|i'm|i don't|i won't|i leave|i go|i block)\b")),
        (CrisisLevel.Crisis, CrisisKind.Threatened, Build(
            @"\b" + Them + @" (?:said|says|keeps saying|told me|threatened|threatens|texted|messaged|wrote|swore)(?: that)?(?: he'd| she'd| they'd| he'll| she'll| they'll| he would| she would| he will| she will| he's going to| she's going to| to)? (?:kill|hurt|beat|find|get|destroy|burn) (?:me|my (?:kids?|children|family|sister|brother|mum|mom|dad|dog|cat|new partner|boyfriend|girlfriend))\b",
            @"\bthreatened (?:to kill|to hurt|to beat|to find|to come after|to post|to share|to leak|to take the kids|me)\b",
            @"\b(?:he|she|they|my ex) (?:hit|choked|strangled|beat|punched|kicked|slapped|shoved|pushed|raped|assaulted|attacked|grabbed) me\b",
            @"\b(?:i'm|i am|i feel|i'm really|i'm so) (?:scared|afraid|terrified|frightened) (?:of (?:him|her|them|my ex|what (?:he|she|they)(?:'ll| will| might) do)|(?:he|she|they|my ex)(?:'ll| will| is going to| might| could) (?:hurt|kill|find|hit|come after) me|for my (?:life|safety))\b",
            @"\b(?:he|she|they|my ex) (?:is|has been|keeps|kept|was|are|have been|'s been) (?:following|stalking|tracking|watching|waiting outside|turning up at|showing up at) (?:me|my)\b",
            @"\b(?:he|she|they|my ex) (?:knows|found out|found) where i (?:live|am|work|moved)\b.{0,60}\b(?:scared|afraid|threat|come|coming|hurt|regret|or else|watch)\b",
            @"\b(?:he|she|they|my ex) (?:is going to|will|'ll|said (?:he'd|she'd|they'd)) (?:post|share|leak|send) (?:my|our) (?:nudes|photos|pics|pictures|videos)\b")),
        (CrisisLevel.Crisis, CrisisKind.HarmToOthers, Build(
            @"\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|i swear i'll|i want to|i'm about to|i could|i'd like to|i'm planning to|i plan to) (?:kill|hurt|stab|shoot|strangle|beat up|beat the|destroy|ruin|end) (?:you|him|her|them|your|his|her new|their)\b(?! (?:if you spoil|lol|haha|in (?:fortnite|the game|chess|cod|the match|the final)|at (?:chess|tennis|cards|mario kart|fifa)|for (?:eating|spoiling|using|borrowing)))",
            @"\b(?:you'll|you will|you're going to|you are going to|you're gonna) (?:regret (?:this|it|that|what|leaving|blocking|ignoring|the day)|pay for (?:this|it|that|what)|be sorry)\b",
            @"\bmake (?:you|him|her|them) (?:pay|suffer|regret)\b",
            @"\bmake sure (?:you|he|she|they)(?:'ll| will)? (?:regret|pay|suffer)\b",
            @"\bwatch your back\b",
            @"\bi know where you (?:live|work|are|sleep|park)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna|going to) (?:show up|come|turn up|be waiting|wait) (?:at|to|outside|round|around) your (?:house|place|work|door|job|office|flat|apartment|parents|mum's|mom's)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna|going to) (?:post|send|share|leak|show everyone|put up) (?:your|those|the|our) (?:pics|photos|pictures|nudes|videos|messages|texts|tapes)\b",
            @"\bmake your life (?:hell|miserable|a living hell)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna) (?:tell|email|message|text|show) (?:your (?:boss|work|employer|colleagues|new (?:girlfriend|boyfriend|partner|wife|husband))|everyone) (?:everything|what you|about you|who you|the truth|what really)\b",
            @"\b(?:i'll|i will|i'm going to|i'm gonna) (?:smash|burn|key|slash|trash|wreck|torch) (?:your|his|her|their)\b",
            @"\bif i can't have (?:you|him|her),? (?:then )?(?:no ?one|nobody)(?: else)? (?:can|will|gets to)\b",
            @"\b(?:no ?one|nobody) (?:else )?(?:can|will|gets to) have you\b",
            @"\b(?:slash|key|smash|trash|torch) (?:his|her|your|their) (?:tires|tyres|car|windows)\b",
            @"\bor else(?= *[.!]| *$)")),
    ];

    /// <summary>Words before a match that mean the sentence denies it ("I would never kill myself").</summary>
    private static readonly Regex Denial = new(@"\b(?:never|not|won't|wouldn't|don't|do not|didn't|no longer|stopped|isn't|wasn't)\b(?:(?!\b(?:but|and|though|yet)\b)[^.!?;,]){0,30}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Told about a story, a film or someone else's past, not the writer's life.</summary>
    private static readonly Regex Story = new(@"\b(?:in the (?:film|movie|book|show|series|episode|game|novel|song)|the (?:film|movie|book|show|series|song|character|main character|hero|villain|protagonist)|a (?:character|documentary|podcast)|lyrics?|(?:he|she|they) sings?)\b", RegexOptions.CultureInvariant);

    /// <summary>Games and sport: "I'll destroy him at ping pong" is banter.</summary>
    private static readonly Regex Play = new(@"\b(?:game|games|gaming|match|round|rematch|ping pong|table tennis|tennis|chess|mario kart|fifa|fortnite|call of duty|cod|darts|pool|snooker|golf|squash|badminton|scrabble|monopoly|quiz|trivia|cards|poker|uno|five-a-side|football|netball|sparring|debate|karaoke|bake off|race|league|tournament|bowling|arm wrestle|wordle)\b", RegexOptions.CultureInvariant);

    private static readonly Regex OwnDeath = new(@"\b(?:my funeral|my grave|when i'm (?:gone|dead)|after i'm (?:gone|dead)|once i'm (?:gone|dead)|i'm not here anymore|without me)\b", RegexOptions.CultureInvariant);

    private static readonly Regex ThirdPerson = new(@"\b(?:he|she|they|his|her|their|he's|she's|he'd|she'd|my ex|ex|girlfriend|boyfriend|wife|husband|partner)\b", RegexOptions.CultureInvariant);

    private static readonly Regex FirstPerson = new(@"\b(?:i|i'm|i've|i'd|i'll)\b", RegexOptions.CultureInvariant);

    public static IEnumerable<(CrisisLevel Level, CrisisKind Kind, int Index, int Length)> Matches(string normalized)
    {
        foreach (var (level, kind, pattern) in All)
        {
            foreach (Match match in pattern.Matches(normalized))
            {
                if (match.Length == 0)
                {
                    continue;
                }

                var before = normalized[Math.Max(0, match.Index - 40)..match.Index];
                // "I don't want to live" carries its negation inside the pattern; only a denial before it counts.
                if (kind == CrisisKind.SelfHarm && Denial.IsMatch(before) && !IsAffirmedAfterDenial(before))
                {
                    continue;
                }

                var sentence = SentenceAround(normalized, match.Index);
                if (Story.IsMatch(sentence) || (kind == CrisisKind.HarmToOthers && Play.IsMatch(sentence)))
                {
                    continue;
                }

                var found = kind;
                if (kind == CrisisKind.HarmToOthers && OwnDeath.IsMatch(sentence))
                {
                    // "You'll regret this at my funeral" is about the writer's life, not a threat to the reader's.
                    found = CrisisKind.SelfHarm;
                }
                else if (kind == CrisisKind.SelfHarm && ThirdPerson.IsMatch(before) && !FirstPerson.IsMatch(before))
                {
                    // "she wrote a suicide note", "he's self-harming": the ex's life, told by the user.
                    found = CrisisKind.ExSelfHarm;
                }

                yield return (level, found, match.Index, match.Length);
            }
        }
    }

    // "I'm not okay, I want to die": a denial of something else earlier in the sentence does not cancel the match.
    private static bool IsAffirmedAfterDenial(string before) => before.TrimEnd().EndsWith("not okay", StringComparison.Ordinal) || before.TrimEnd().EndsWith("not ok", StringComparison.Ordinal);

    private static string SentenceAround(string text, int index)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static Regex Build(params string[] patterns) =>
        new(string.Join("|", patterns.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
