using System.Text.RegularExpressions;
using Rekindle.Core.Coach;

namespace Rekindle.Core.Safety;

/// <summary>
/// The one crisis reader every feature uses. Two layers: <see cref="CrisisRules"/> for unmistakable phrasings, and
/// a small classifier over sentence embeddings (<see cref="CrisisClassifier"/>) for the indirect ways people say it.
/// A text is read sentence by sentence, so one sentence inside a long entry is found and named. Thread-safe and
/// stateless: one instance serves the whole app.
/// </summary>
public sealed partial class CrisisReader
{
    /// <summary>The longest text read; beyond it only the rules look (a journal entry is far shorter).</summary>
    public const int MaxModelChars = 20_000;

    private readonly ISentenceEmbedder? embedder;
    private readonly CrisisClassifier? classifier;

    /// <param name="embedder">Sentence embeddings; null reads with the rules alone (tests of the rules, or a broken model file).</param>
    /// <param name="classifier">The trained classifier; null reads with the rules alone.</param>
    /// <param name="maxSentencesEmbedded">How many sentences of a long text the learned layer reads: the ones most likely to matter.</param>
    public CrisisReader(ISentenceEmbedder? embedder, CrisisClassifier? classifier, int maxSentencesEmbedded = 10)
    {
        if (classifier is not null && embedder is not null && classifier.Inputs != embedder.Dimensions)
        {
            throw new ArgumentException($"The classifier reads {classifier.Inputs} numbers but the embedder makes {embedder.Dimensions}.");
        }

        this.embedder = embedder;
        this.classifier = embedder is null ? null : classifier;
        MaxSentencesEmbedded = Math.Max(1, maxSentencesEmbedded);
    }

    /// <summary>A reader with the rules alone.</summary>
    public static CrisisReader RulesOnly { get; } = new(null, null);

    public bool HasLearnedLayer => classifier is not null;

    public int MaxSentencesEmbedded { get; }

    /// <summary>Reads one text. Never throws on any string; null and blank read as nothing found.</summary>
    public CrisisReading Read(string? text, Voice voice = Voice.Own, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisReading.None;
        }

        var units = Segment(text);
        var context = WholeText(text);
        CrisisReading? best = null;

        // Layer one: the rules, over every sentence however long the text.
        foreach (var unit in units)
        {
            foreach (var (level, kind, _, _) in CrisisRules.Matches(unit.Normalized, context))
            {
                var reading = new CrisisReading(level, ForVoice(kind, voice), unit.Start, unit.Length, text.Substring(unit.Start, unit.Length), ByRule: true);
                best = Worse(best, reading);
            }
        }

        if (best is { Level: CrisisLevel.Crisis })
        {
            return best;
        }

        // Layer two: the classifier, over the sentences most likely to matter.
        float topCrisis = 0, topConcern = 0;
        var crisisThreshold = IsLong(units) ? classifier?.LongTextCrisisThreshold ?? 0 : classifier?.CrisisThreshold ?? 0;
        foreach (var (unit, p) in ScoreUnits(units, text, cancellationToken))
        {
            var crisis = CrisisClassifier.CrisisProbability(p);
            if (crisis >= crisisThreshold && crisis > topCrisis && MayBeCrisis(unit))
            {
                topCrisis = crisis;
                best = Worse(best, new CrisisReading(CrisisLevel.Crisis, ForVoice(CrisisClassifier.LikeliestKind(p), voice), unit.Start, unit.Length, text.Substring(unit.Start, unit.Length), ByRule: false));
            }
            else if (crisis + p[1] >= classifier!.ConcernThreshold && crisis + p[1] > topConcern)
            {
                topConcern = crisis + p[1];
                var kind = voice == Voice.Ex ? CrisisKind.ExSelfHarm : CrisisKind.SelfHarm;
                best = Worse(best, new CrisisReading(CrisisLevel.Concern, kind, unit.Start, unit.Length, text.Substring(unit.Start, unit.Length), ByRule: false));
            }
        }

        return best ?? CrisisReading.None;
    }

    /// <summary>The raw scores behind a reading, for choosing thresholds: whether a rule matched, and the highest crisis and concern-or-crisis probabilities.</summary>
    internal (bool Rule, float Crisis, float Concern, bool Long) Scores(string text)
    {
        var units = Segment(text);
        var context = WholeText(text);
        var rule = units.Any(u => CrisisRules.Matches(u.Normalized, context).Any(m => m.Level == CrisisLevel.Crisis));
        float crisis = 0, concern = 0;
        foreach (var (unit, p) in ScoreUnits(units, text, CancellationToken.None))
        {
            var c = CrisisClassifier.CrisisProbability(p);
            crisis = MayBeCrisis(unit) ? Math.Max(crisis, c) : crisis;
            concern = Math.Max(concern, c + p[1]);
        }

        return (rule, crisis, concern, IsLong(units));
    }

    /// <summary>The whole text normalized, made only when a rule needs it (a recovery told elsewhere in the text).</summary>
    private static Lazy<string> WholeText(string text) =>
        new(() => NormalizedText.From(text.Length > MaxModelChars * 5 ? text[..(MaxModelChars * 5)] : text).Text, LazyThreadSafetyMode.None);

    /// <summary>The learned layer's class probabilities for the units it reads (none without a model).</summary>
    private IEnumerable<(Unit Unit, float[] Probabilities)> ScoreUnits(List<Unit> units, string text, CancellationToken cancellationToken)
    {
        if (classifier is null || embedder is null || units.Count == 0)
        {
            yield break;
        }

        var chosen = ChooseForModel(units, text);
        var vectors = embedder.Embed(chosen.Select(u => u.Normalized).ToArray(), cancellationToken);
        for (var i = 0; i < chosen.Count; i++)
        {
            yield return (chosen[i], classifier.Probabilities(vectors[i], chosen[i].Normalized));
        }
    }

    /// <summary>
    /// The learned layer calls a crisis only where a person or a word near danger is present: a sentence with
    /// neither ("Keys are under the mat.") can sit close to a training goodbye, but on its own it is at most a concern.
    /// </summary>
    private static bool MayBeCrisis(Unit unit) => unit.Weight >= 1;

    /// <summary>More than four sentences: each is a chance for a false alarm, so the stricter threshold applies.</summary>
    private static bool IsLong(List<Unit> units) => units.Count > 4;

    /// <summary>The ex's own words: their "I'll kill myself" is a threat to their own life, their "I'll hurt you" a threat to the user.</summary>
    private static CrisisKind ForVoice(CrisisKind kind, Voice voice) => (voice, kind) switch
    {
        (Voice.Ex, CrisisKind.SelfHarm) => CrisisKind.ExSelfHarm,
        (Voice.Ex, CrisisKind.HarmToOthers) => CrisisKind.Threatened,
        _ => kind,
    };

    private static CrisisReading Worse(CrisisReading? current, CrisisReading candidate) =>
        current is null || candidate.Level > current.Level ? candidate : current;

    /// <summary>A sentence (or a window of a long unpunctuated run) and where it sits in the text.</summary>
    internal sealed record Unit(int Start, int Length, string Normalized, int Weight);

    /// <summary>Short texts are read whole and sentence by sentence; long ones by their most telling sentences.</summary>
    private List<Unit> ChooseForModel(List<Unit> all, string text)
    {
        // A fragment of one or two words ("answer me", "tonight.") gives the learned layer too little to go on; in a text
        // of several sentences it is read with its neighbours (the whole, for short texts) and by the rules.
        var units = all.Count > 1 ? all.Where(u => WordPattern().Count(u.Normalized) >= 3).ToList() : all;
        var chosen = units.Count <= MaxSentencesEmbedded
            ? new List<Unit>(units)
            : units.Select((u, i) => (u, i)).OrderByDescending(x => x.u.Weight).ThenBy(x => x.i).Take(MaxSentencesEmbedded).Select(x => x.u).ToList();

        // A few short sentences can mean together what none says alone ("I've decided. Tonight.").
        if ((all.Count is > 1 and <= 4 && text.Length <= 320) || (chosen.Count == 0 && all.Count > 0))
        {
            var first = all[0];
            var last = all[^1];
            var whole = string.Join(" ", all.Select(u => u.Normalized));
            chosen.Add(new Unit(first.Start, last.Start + last.Length - first.Start, whole, RiskWords.Weight(whole)));
        }

        return chosen;
    }

    internal static List<Unit> Segment(string text)
    {
        var units = new List<Unit>();
        var limit = Math.Min(text.Length, MaxModelChars * 5);
        foreach (Match piece in SentencePattern().Matches(text[..limit]))
        {
            var start = piece.Index;
            var length = piece.Length;
            while (length > 0 && char.IsWhiteSpace(text[start]))
            {
                start++;
                length--;
            }

            while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
            {
                length--;
            }

            if (length == 0 || !text.AsSpan(start, length).ContainsAnyExcept(Punctuation))
            {
                continue;
            }

            AddWindows(units, text, start, length);
        }

        return units;
    }

    /// <summary>A run-on of many words without punctuation is read in overlapping windows of about twenty words.</summary>
    private static void AddWindows(List<Unit> units, string text, int start, int length)
    {
        const int window = 22;
        const int step = 16;
        var words = WordPattern().Matches(text.Substring(start, length));
        if (words.Count <= window + 6)
        {
            Add(units, text, start, length);
            return;
        }

        for (var first = 0; first < words.Count; first += step)
        {
            var last = Math.Min(words.Count - 1, first + window - 1);
            var from = start + words[first].Index;
            var to = start + words[last].Index + words[last].Length;
            Add(units, text, from, to - from);
            if (last == words.Count - 1)
            {
                break;
            }
        }
    }

    private static void Add(List<Unit> units, string text, int start, int length)
    {
        var normalized = NormalizedText.From(text.Substring(start, length)).Text;
        units.Add(new Unit(start, length, normalized, RiskWords.Weight(normalized)));
    }

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(" \t.,!?;:-_*'\"()[]/\\…");

    [GeneratedRegex(@"[^.!?…\n;]+(?:[.!?…;]+|\n|$)|(?<=\n)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
