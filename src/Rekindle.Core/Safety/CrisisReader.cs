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
    public CrisisReader(ISentenceEmbedder? embedder, CrisisClassifier? classifier, int maxSentencesEmbedded = 6)
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
    public CrisisReading Read(string? text, Voice voice = Voice.Own, CancellationToken cancellationToken = default) =>
        ReadAll([text], voice, cancellationToken);

    /// <summary>
    /// Reads several texts (a form's fields) as one: the most serious finding wins, the earlier field on a tie. The
    /// learned layer embeds the chosen sentences of every field in one call, which costs far less than one call each.
    /// </summary>
    public CrisisReading ReadAll(IReadOnlyList<string?> texts, Voice voice = Voice.Own, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var fields = new List<Field>();
        CrisisReading? best = null;

        // Layer one: the rules, over every sentence of every field however long; an unmistakable crisis ends the reading.
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var units = Segment(text);
            var context = WholeText(text);
            foreach (var unit in units)
            {
                foreach (var (level, kind, _, _) in CrisisRules.Matches(unit.Normalized, context))
                {
                    best = Worse(best, new CrisisReading(level, ForVoice(kind, voice), unit.Start, unit.Length, text.Substring(unit.Start, unit.Length), ByRule: true));
                }
            }

            if (best is { Level: CrisisLevel.Crisis })
            {
                return best;
            }

            fields.Add(new Field(text, units));
        }

        // Layer two: the classifier, over the sentences most likely to matter.
        foreach (var (field, scored) in ScoreFields(fields, cancellationToken))
        {
            if (ModelReading(field, scored, voice) is { } reading)
            {
                best = Worse(best, reading);
            }
        }

        return best ?? CrisisReading.None;
    }

    /// <summary>The learned layer's finding in one field: its likeliest crisis sentence, else its likeliest concern.</summary>
    private CrisisReading? ModelReading(Field field, List<(Unit Unit, float[] Probabilities)> scored, Voice voice)
    {
        CrisisReading? best = null;
        float topCrisis = 0, topConcern = 0;
        var crisisThreshold = IsLong(field.Units) ? classifier!.LongTextCrisisThreshold : classifier!.CrisisThreshold;
        foreach (var (unit, p) in scored)
        {
            var crisis = CrisisClassifier.CrisisProbability(p);
            if (crisis < Math.Min(EscalateAt, crisisThreshold) && crisis + p[1] < classifier.ConcernThreshold)
            {
                // Neither a crisis nor a concern can come of it: spare the sentence the signals' patterns.
                continue;
            }

            var kind = KindOf(CrisisClassifier.LikeliestKind(p), unit.Normalized, voice);
            var mayBeCrisis = MayBeCrisis(unit);
            // Worry with a plan or a means in the same sentence ("I bought a knife and I keep thinking about his
            // face", "I've got it all planned out") is a crisis even where the model alone is less sure.
            var planned = crisis >= EscalateAt && mayBeCrisis && CrisisSignals.HasPlanOrMeans(unit.Normalized, kind);
            if ((crisis >= crisisThreshold || planned) && crisis > topCrisis && mayBeCrisis)
            {
                topCrisis = crisis;
                best = Worse(best, new CrisisReading(CrisisLevel.Crisis, kind, unit.Start, unit.Length, field.Text.Substring(unit.Start, unit.Length), ByRule: false));
            }
            else if (crisis + p[1] >= classifier.ConcernThreshold && crisis + p[1] > topConcern)
            {
                topConcern = crisis + p[1];
                // Hopelessness is about the writer's own life unless the model leans clearly to another kind.
                var concernKind = crisis >= p[1] ? kind : KindOf(CrisisKind.SelfHarm, unit.Normalized, voice);
                best = Worse(best, new CrisisReading(CrisisLevel.Concern, concernKind, unit.Start, unit.Length, field.Text.Substring(unit.Start, unit.Length), ByRule: false));
            }
        }

        return best;
    }

    /// <summary>The raw scores behind a reading, for choosing thresholds: whether a rule matched, and the highest crisis and concern-or-crisis probabilities.</summary>
    internal (bool Rule, float Crisis, float Concern, bool Long) Scores(string text)
    {
        var units = Segment(text);
        var context = WholeText(text);
        var rule = units.Any(u => CrisisRules.Matches(u.Normalized, context).Any(m => m.Level == CrisisLevel.Crisis));
        float crisis = 0, concern = 0;
        foreach (var (_, scored) in ScoreFields([new Field(text, units)], CancellationToken.None))
        {
            foreach (var (unit, p) in scored)
            {
                var c = CrisisClassifier.CrisisProbability(p);
                crisis = MayBeCrisis(unit) ? Math.Max(crisis, c) : crisis;
                concern = Math.Max(concern, c + p[1]);
            }
        }

        return (rule, crisis, concern, IsLong(units));
    }

    /// <summary>The whole text normalized, made only when a rule needs it (a recovery told elsewhere in the text).</summary>
    private static Lazy<string> WholeText(string text) =>
        new(() => NormalizedText.From(text.Length > MaxModelChars * 5 ? text[..(MaxModelChars * 5)] : text).Text, LazyThreadSafetyMode.None);

    /// <summary>One text given to the reader, and its sentences.</summary>
    private sealed record Field(string Text, List<Unit> Units);

    /// <summary>
    /// The learned layer's class probabilities for the units it reads in each field (none without a model): the
    /// chosen units of all fields go to the embedder in one call and to the classifier in one batch.
    /// </summary>
    private List<(Field Field, List<(Unit Unit, float[] Probabilities)> Scored)> ScoreFields(List<Field> fields, CancellationToken cancellationToken)
    {
        var result = new List<(Field, List<(Unit, float[])>)>();
        if (classifier is null || embedder is null || fields.Count == 0)
        {
            return result;
        }

        var chosen = fields.Select(f => (Field: f, Units: ChooseForModel(f.Units, f.Text))).ToList();
        var all = chosen.SelectMany(c => c.Units).ToList();
        if (all.Count == 0)
        {
            return result;
        }

        // A sentence said twice (in two fields, or repeated in one) is embedded and scored once.
        var distinct = all.Select(c => c.Unit.Normalized).Distinct(StringComparer.Ordinal).ToArray();
        var position = distinct.Select((text, i) => (text, i)).ToDictionary(x => x.text, x => x.i, StringComparer.Ordinal);
        var vectors = embedder.Embed(distinct, cancellationToken);
        var words = distinct.Select(text => all.First(c => c.Unit.Normalized == text).Words).ToArray();
        var probabilities = classifier.Probabilities(vectors, words);
        foreach (var (field, units) in chosen)
        {
            result.Add((field, units.Select(u => (u.Unit, probabilities[position[u.Unit.Normalized]])).ToList()));
        }

        return result;
    }

    /// <summary>
    /// The learned layer calls a crisis only where a person or a word near danger is present: a sentence with
    /// neither ("Keys are under the mat.") can sit close to a training goodbye, but on its own it is at most a concern.
    /// Longing said to the ex with no word of danger in it ("I just need you. Nobody else gets me like you do.") sits
    /// close to the goodbyes too, and is the message coach's daily bread: at most a concern.
    /// </summary>
    private static bool MayBeCrisis(Unit unit) => unit.Weight >= 1 && !CrisisSignals.IsLongingWithoutDanger(unit.Normalized);

    /// <summary>More than four sentences: each is a chance for a false alarm, so the stricter threshold applies.</summary>
    private static bool IsLong(List<Unit> units) => units.Count > 4;

    /// <summary>
    /// The crisis probability from which a sentence with a plan or a means in it is a crisis. Chosen on dev: at 0.40
    /// it found 7 more crises for 3 more false alarms; 0.30 bought one more crisis for four more false alarms.
    /// </summary>
    internal const float EscalateAt = 0.40f;

    /// <summary>
    /// Whose words these are decides the kind: the ex's "I'll kill myself" is a threat to their own life, their "I'll
    /// hurt you" a threat to the user, whether pasted (<see cref="Voice.Ex"/>) or quoted by the user ("he texted: ...").
    /// </summary>
    private static CrisisKind KindOf(CrisisKind kind, string normalized, Voice voice)
    {
        if (voice == Voice.Ex || CrisisSignals.IsQuotingSomeoneElse(normalized, normalized.Length))
        {
            return CrisisSignals.InTheExsVoice(kind);
        }

        // The model hears the ex in any sentence that mentions them ("he cheated and now I keep looking at the pills");
        // where the writer speaks as "I", it is the ex's life at stake only when the sentence says so. Reading the
        // writer's own danger as the ex's would show the wrong help.
        return kind == CrisisKind.ExSelfHarm && CrisisSignals.SaysI(normalized) && !CrisisSignals.SpeaksOfTheirOwnLife(normalized) ? CrisisKind.SelfHarm : kind;
    }

    private static CrisisKind ForVoice(CrisisKind kind, Voice voice) => voice == Voice.Ex ? CrisisSignals.InTheExsVoice(kind) : kind;

    private static CrisisReading Worse(CrisisReading? current, CrisisReading candidate) =>
        current is null || candidate.Level > current.Level ? candidate : current;

    /// <summary>A sentence (or a window of a long unpunctuated run) and where it sits in the text.</summary>
    internal sealed record Unit(int Start, int Length, string Normalized, int Weight);

    /// <summary>
    /// Short texts are read whole and sentence by sentence; long ones by their most telling sentences. The word gate
    /// drops the sentences that say nothing worrying, so they are never embedded.
    /// </summary>
    private List<(Unit Unit, IReadOnlyList<int> Words)> ChooseForModel(List<Unit> all, string text)
    {
        // A fragment of one or two words ("answer me", "tonight.") gives the learned layer too little to go on; in a text
        // of several sentences it is read with its neighbours (the whole, for short texts) and by the rules.
        var candidates = all.Count > 1 ? all.Where(u => WordPattern().Count(u.Normalized) >= 3).ToList() : new List<Unit>(all);

        // A few short sentences can mean together what none says alone ("I've decided. Tonight.").
        if ((all.Count is > 1 and <= 4 && text.Length <= 320) || (candidates.Count == 0 && all.Count > 0))
        {
            var first = all[0];
            var last = all[^1];
            var whole = string.Join(" ", all.Select(u => u.Normalized));
            candidates.Add(new Unit(first.Start, last.Start + last.Length - first.Start, whole, RiskWords.Weight(whole)));
        }

        var gate = classifier?.Gate;
        var scored = candidates
            .Select((u, i) => (Unit: u, Words: WordFeatures.Of(u.Normalized), Order: i))
            .Select(c => (c.Unit, c.Words, c.Order, Score: gate?.Score(c.Words) ?? 1f))
            .Where(c => gate is null || c.Score >= gate.Threshold)
            .ToList();
        if (scored.Count > MaxSentencesEmbedded)
        {
            scored = [.. scored.OrderByDescending(c => c.Score).ThenByDescending(c => c.Unit.Weight).ThenBy(c => c.Order).Take(MaxSentencesEmbedded).OrderBy(c => c.Order)];
        }

        return scored.Select(c => (c.Unit, c.Words)).ToList();
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
