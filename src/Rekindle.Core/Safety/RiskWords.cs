using System.Text.RegularExpressions;

namespace Rekindle.Core.Safety;

/// <summary>
/// Which sentences of a long text the learned layer reads first. Not a decision: a broad net of words near danger
/// (death, endings, means, goodbyes, burden, threats, fear), so a telling sentence in a long entry is among the
/// ones embedded. Short texts are read whole whatever this says.
/// </summary>
internal static partial class RiskWords
{
    public static int Weight(string normalized)
    {
        var weight = Words().Count(normalized) * 2 + Phrases().Count(normalized) * 3;
        // First person or the ex in the sentence: danger is about someone.
        if (Person().IsMatch(normalized))
        {
            weight += 1;
        }

        return weight;
    }

    [GeneratedRegex(@"\b(?:die|dies|died|dying|dead|death|deaths|kill\w*|suicid\w*|alive|exist\w*|wake|awake|sleep|forever|burden\w*|goodbye\w*|bye|farewell|funeral|grave|heaven|afterlife|peace|pills?|tablets?|meds|overdos\w*|rope|noose|bridge|jump\w*|cut|cuts|cutting|blade|razor|knife|knives|gun|guns|bleed\w*|blood|wrists?|hurt\w*|harm\w*|pain|numb|empty|hopeless\w*|worthless\w*|pointless|point|nothing|nobody|anymore|tired|exhausted|done|escape|disappear\w*|vanish\w*|gone|sorry|forgive|end|ending|ended|over|last|letters?|note|notes|will|stop|tonight|plan\w*|ready|decided|regret|pay|suffer|watch|threat\w*|scared|afraid|terrified|hit|choked?|strangl\w*|follow\w*|stalk\w*|track\w*|nudes|photos|himself|herself|themselves|myself|lethal|drown\w*|hang\w*|shoot|cliff|roof|train|car|garage|bathtub|poison|bottle|vodka|insurance|rehome|rehomed|rehoming|sorted|arrangements|give|gave|given|giving|insulin|antifreeze|bleach|railway|tracks|platform|ledge|edge|bath|heights|petrol|lighter|matches|sorry|mess|permanent\w*|final|forgive|anymore|again|tomorrow|weekend|goodnight|thank|thanks|ready|alone|mum|nan|grandad)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:better off|without me|no one would|nobody would|miss me|can't go on|can't do this|can't take|won't be|not be here|no way out|no point|what's the point|too much|the end|one last|for good|for ever|never again|last time|make sure|find you|where you live|where i live|or else|if you|if i can't|took all|take all|all of them|in front of|off the|give away|gave away|giving away|look after|take care of)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phrases();

    [GeneratedRegex(@"\b(?:i|i'm|i've|i'll|i'd|me|my|myself|he|she|they|you|him|her)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Person();
}
