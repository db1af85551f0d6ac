using System.Text.RegularExpressions;

namespace Rekindle.Core.Safety;

/// <summary>
/// Small signals both layers read around a finding: whose words a sentence quotes, and whether a worry comes with a
/// plan or a means (which is what makes hopelessness a crisis rather than a concern).
/// </summary>
internal static partial class CrisisSignals
{
    /// <summary>
    /// Whether the words before <paramref name="end"/> sit inside someone else's quoted words: "he texted me: if you
    /// leave I'll kill myself", "she said 'I can't go on'", "my ex keeps saying if you go I'll end it". Only a clear
    /// quotation counts (a colon or a quote mark after the verb, or a condition put to "you"): mistaking the writer's
    /// own crisis for the ex's would show the wrong help, so "he said I'm worthless, I want to die" stays the writer's.
    /// </summary>
    public static bool IsQuotingSomeoneElse(string normalized, int end)
    {
        end = Math.Min(end, normalized.Length);
        foreach (var match in QuoteOpener().EnumerateMatches(normalized))
        {
            if (match.Index + match.Length > end)
            {
                break;
            }

            var quoted = normalized.AsSpan(match.Index + match.Length, end - match.Index - match.Length);
            // A closing quote mark before the finding ends the quotation ("she said 'fine' and I want to die").
            var opener = normalized[match.Index + match.Length - 1];
            if (opener is '"' or '\'' && quoted.IndexOf(opener) >= 0)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// A plan, a means, a date or a violent act named in the sentence. For harm to others a weapon or a body part
    /// counts too ("snap her neck", "turn up with a bat").
    /// </summary>
    public static bool HasPlanOrMeans(string normalized, CrisisKind kind) =>
        PlanOrMeans().IsMatch(normalized) || (kind is CrisisKind.HarmToOthers or CrisisKind.Threatened && Violence().IsMatch(normalized) && !Hyperbole().IsMatch(normalized));

    // "I could strangle my brother for telling mom": the everyday exaggeration, not a plan.
    [GeneratedRegex(@"\b(?:i could|could have|could've|i'd like to|i want to|gonna|going to) (?:just )?(?:strangle|throttle|choke|kill|murder|smack|slap|stab)\b[^.!?]{0,40}\b(?:for (?:\w+ing|telling|saying|eating|being|that|this|it)|lol|haha|sometimes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hyperbole();

    /// <summary>Longing for the ex ("I need you", "nobody else gets me", "I miss you") with no word of death, harm or an ending.</summary>
    public static bool IsLongingWithoutDanger(string normalized) => Longing().IsMatch(normalized) && !Danger().IsMatch(normalized);

    [GeneratedRegex(@"\b(?:i (?:just |really |still |so )?need you|i (?:still |really |just )?miss you|(?:nobody|no one|no-one) (?:else )?(?:gets|understands|knows) me|you (?:get|understand|know) me (?:like|better))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Longing();

    [GeneratedRegex(@"\b(?:die|dies|died|dying|dead|death|kill\w*|suicid\w*|alive|live|living|exist\w*|wake|awake|burden\w*|goodbye\w*|farewell|funeral|grave|pills?|tablets?|overdos\w*|rope|noose|bridge|jump\w*|cut\w*|blade|razor|knife|knives|gun|hurt\w*|harm\w*|end|ending|gone|disappear\w*|anymore|any more|last|forever|pain|miss me|without me|better off|point|nothing|regret|pay|sorry|tonight|plan\w*|ready|decided|hate|destroy\w*|ruin\w*|fault|alone|around|here|before i|to know|safe|scared|outside|find|bridges|listen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Danger();

    /// <summary>A finding in the ex's own words: their "I'll kill myself" is a threat to their own life, their "I'll hurt you" a threat to the user.</summary>
    public static CrisisKind InTheExsVoice(CrisisKind kind) => kind switch
    {
        CrisisKind.SelfHarm => CrisisKind.ExSelfHarm,
        CrisisKind.HarmToOthers => CrisisKind.Threatened,
        _ => kind,
    };

    /// <summary>Whether the writer is a subject in the sentence ("I", "I'm", "I've"...).</summary>
    public static bool SaysI(string normalized) => FirstPersonSubject().IsMatch(normalized);

    [GeneratedRegex(@"\b(?:i|i'm|i've|i'd|i'll)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonSubject();

    /// <summary>Whether a sentence speaks of another person's own life or danger: "himself", "her life", "he said he'd...".</summary>
    public static bool SpeaksOfTheirOwnLife(string normalized) => TheirOwnLife().IsMatch(normalized);

    [GeneratedRegex(@"\b(?:himself|herself|themselves|themself|yourself|(?:his|her|their|your) (?:own )?(?:life|wrists?|pills|meds|note|funeral|goodbye|message|text|post)|you (?:said|say|told me|texted|wrote|sent|posted|keep saying|kept saying|mean|meant|promised|sounded)|you're (?:at|on|standing|going|thinking|planning|saying|scaring)|you've been|(?:he|she|they|my ex|ex)(?: just)?(?:'s| is| are|'re|'ll| will|'d| would| wants?| said| says| told| tells| texted| texts| keeps| kept| has| have|'s got| took| posted| sent| messaged| wrote| threatened| threatens| tried| attempted| overdosed| rang| called| phoned)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TheirOwnLife();

    [GeneratedRegex(@"\b(?:he|she|they|my ex|my (?:ex-?)?(?:boyfriend|girlfriend|husband|wife|partner|fiance|fiancee))\b[^.!?]{0,25}?\b(?:said|says|say|saying|keeps saying|kept saying|told me|tells me|texted(?: me)?|texts(?: me)?|messaged(?: me)?|messages me|wrote(?: to me)?|writes|posted|screamed|shouted|yelled|threatened|threatens|swore|sent me (?:a )?(?:text|message|voice note|dm)(?: saying)?)(?: that)?(?:\s*[:""]\s*|\s+'(?=\w)|\s+(?=if (?:you|u)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteOpener();

    [GeneratedRegex(@"\b(?:knife|knives|blade|blades|razor|razors|gun|guns|rifle|shotgun|rope|noose|pills|tablets|paracetamol|painkillers|sleeping pills|antifreeze|bleach|petrol|ledge|train tracks|railway line|planned|planning|a plan|the plan|my plan|got it (?:all )?(?:worked out|figured out|sorted)|worked out how|figured out how|how to do it|how i'd do it|how i would do it|looking into how|looked into how|made up my mind|set a date|picked a (?:date|day|spot|place)|the day is|is the day|my will|my goodbyes|letters? for (?:everyone|my)|stockpil\w*|counting (?:them|out)|been counting|enough (?:in|of them|to)|everything in the (?:cupboard|cabinet|drawer|bathroom)|after (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|christmas|new year)|by (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|christmas))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlanOrMeans();

    [GeneratedRegex(@"\b(?:bat|hammer|crowbar|machete|neck|throat|skull|his face|her face|their face|snap|stab|strangle|choke|smash|bleed|what's coming to (?:him|her|them)|deal with (?:him|her|them)|make sure of it|with my (?:bare )?hands|acid|set fire|burn (?:it|his|her|their|the)|run (?:him|her|them) over)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Violence();
}
