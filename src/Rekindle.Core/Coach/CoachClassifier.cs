using System.Text;
using Rekindle.Core.Safety;

namespace Rekindle.Core.Coach;

/// <summary>A sentence of a draft the learned layer read as carrying a category: the finding's span is that sentence.</summary>
public sealed record SemanticHit(FindingCategory Category, int Start, int Length, float Probability);

/// <summary>
/// The coach's learned layer: for each category it reads, a logistic score over the sentence's embedding and its
/// hashed words (one-vs-rest: a sentence can plead and guilt-trip at once), half-and-half with a vote of the nearest
/// training sentences. A word gate skips sentences with nothing in them, so they are never embedded. Immutable once
/// built, so one instance serves every request.
/// </summary>
public sealed class CoachClassifier
{
    /// <summary>The categories the layer reads, in output order. Crisis categories stay with the crisis reader.</summary>
    public static readonly IReadOnlyList<FindingCategory> Categories =
    [
        FindingCategory.Declaration, FindingCategory.RelationshipTalk, FindingCategory.Begging, FindingCategory.Pity, FindingCategory.Guilt,
        FindingCategory.Jealousy, FindingCategory.Blame, FindingCategory.Pressure, FindingCategory.Promise, FindingCategory.Games,
        FindingCategory.WellbeingQuestion, FindingCategory.LateNight,
    ];

    private const string Magic = "RKCOACH1";

    /// <summary>The logistic reads the embedding multiplied by this (a unit vector's entries are near 0.05).</summary>
    public const float InputScale = 8f;

    /// <summary>How many of the nearest training sentences vote.</summary>
    public const int NeighboursVoting = 8;

    private const float NeighbourTemperature = 0.05f;

    private readonly float[] weights; // categories × inputs
    private readonly float[] bias;
    private readonly float[] wordWeights; // categories × buckets
    private readonly float[] neighbourVectors; // neighbours × inputs
    private readonly ushort[] neighbourLabels; // a bit per category

    public CoachClassifier(int inputs, float[] weights, float[] bias, float[] wordWeights, float[] neighbourVectors, ushort[] neighbourLabels,
        float threshold, float neighbourShare, WordGate? gate)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(wordWeights);
        ArgumentNullException.ThrowIfNull(neighbourVectors);
        ArgumentNullException.ThrowIfNull(neighbourLabels);
        var k = Categories.Count;
        if (inputs < 1 || weights.Length != k * inputs || bias.Length != k || wordWeights.Length != k * CrisisClassifier.Buckets
            || neighbourVectors.Length != neighbourLabels.Length * inputs || (gate is not null && gate.Weights.Length != CrisisClassifier.Buckets))
        {
            throw new ArgumentException("The coach classifier's weights do not match its shape.");
        }

        Inputs = inputs;
        this.weights = weights;
        this.bias = bias;
        this.wordWeights = wordWeights;
        this.neighbourVectors = neighbourVectors;
        this.neighbourLabels = neighbourLabels;
        Threshold = threshold;
        NeighbourShare = Math.Clamp(neighbourShare, 0, 1);
        Gate = gate;
    }

    public int Inputs { get; }

    /// <summary>A sentence carries a category when its probability reaches this (chosen on the dev part).</summary>
    public float Threshold { get; }

    /// <summary>How much of a probability the neighbours' vote is (the rest is the logistic score).</summary>
    public float NeighbourShare { get; }

    /// <summary>Sentences whose words score under the gate's threshold are not embedded (null: all are).</summary>
    public WordGate? Gate { get; }

    public int Neighbours => neighbourLabels.Length;

    public CoachClassifier With(float threshold, float neighbourShare, WordGate? gate) =>
        new(Inputs, weights, bias, wordWeights, neighbourVectors, neighbourLabels, threshold, neighbourShare, gate);

    /// <summary>Each sentence's probability for each of <see cref="Categories"/>.</summary>
    public float[][] Probabilities(IReadOnlyList<float[]> embeddings, IReadOnlyList<IReadOnlyList<int>> words)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(words);
        var k = Categories.Count;
        var result = new float[embeddings.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            var e = embeddings[i];
            if (e.Length != Inputs)
            {
                throw new ArgumentException($"Expected {Inputs} numbers, got {e.Length}.", nameof(embeddings));
            }

            var scale = WordFeatures.Scale(Math.Max(1, words[i].Count));
            var p = result[i] = new float[k];
            for (var c = 0; c < k; c++)
            {
                var z = bias[c] + (InputScale * CrisisClassifier.Dot(weights.AsSpan(c * Inputs, Inputs), e));
                var row = wordWeights.AsSpan(c * CrisisClassifier.Buckets, CrisisClassifier.Buckets);
                foreach (var w in words[i])
                {
                    z += row[w] * scale;
                }

                p[c] = 1f / (1f + MathF.Exp(-z));
            }
        }

        if (neighbourLabels.Length > 0 && NeighbourShare > 0 && result.Length > 0)
        {
            var votes = NeighbourVotes(embeddings);
            for (var i = 0; i < result.Length; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    result[i][c] = ((1 - NeighbourShare) * result[i][c]) + (NeighbourShare * votes[i][c]);
                }
            }
        }

        return result;
    }

    private float[][] NeighbourVotes(IReadOnlyList<float[]> embeddings)
    {
        var queries = embeddings.Count;
        var (best, index, k) = NearestNeighbours.Find(neighbourVectors, neighbourLabels.Length, Inputs, embeddings, NeighboursVoting);
        var votes = new float[queries][];
        for (var q = 0; q < queries; q++)
        {
            var vote = votes[q] = new float[Categories.Count];
            var total = 0f;
            for (var j = 0; j < k; j++)
            {
                var weight = MathF.Exp((best[(q * k) + j] - best[q * k]) / NeighbourTemperature);
                var labels = neighbourLabels[index[(q * k) + j]];
                for (var c = 0; c < vote.Length; c++)
                {
                    if ((labels & (1 << c)) != 0)
                    {
                        vote[c] += weight;
                    }
                }

                total += weight;
            }

            for (var c = 0; c < vote.Length; c++)
            {
                vote[c] /= total;
            }
        }

        return votes;
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Inputs);
        writer.Write(Categories.Count);
        writer.Write(Threshold);
        writer.Write(NeighbourShare);
        foreach (var array in new[] { weights, bias })
        {
            foreach (var value in array)
            {
                writer.Write(value);
            }
        }

        // Word weights in half precision: most are zero or tiny, and the file stays small.
        foreach (var value in wordWeights)
        {
            writer.Write((Half)value);
        }

        writer.Write(neighbourLabels.Length);
        foreach (var label in neighbourLabels)
        {
            writer.Write(label);
        }

        foreach (var value in neighbourVectors)
        {
            writer.Write((Half)value);
        }

        writer.Write(Gate is not null);
        if (Gate is not null)
        {
            writer.Write(Gate.Bias);
            writer.Write(Gate.Threshold);
            foreach (var value in Gate.Weights)
            {
                writer.Write((Half)value);
            }
        }
    }

    public static CoachClassifier Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("This is not a message coach model file.");
            }

            var inputs = reader.ReadInt32();
            var categories = reader.ReadInt32();
            if (categories != Categories.Count || inputs is < 1 or > 4096)
            {
                throw new InvalidDataException("The message coach model file has an unexpected shape.");
            }

            var threshold = reader.ReadSingle();
            var share = reader.ReadSingle();
            float[] Read(int count, bool half)
            {
                var values = new float[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = half ? (float)reader.ReadHalf() : reader.ReadSingle();
                }

                return values;
            }

            var weights = Read(categories * inputs, false);
            var bias = Read(categories, false);
            var words = Read(categories * CrisisClassifier.Buckets, true);
            var neighbours = reader.ReadInt32();
            if (neighbours is < 0 or > 200_000)
            {
                throw new InvalidDataException("The message coach model file has an unexpected shape.");
            }

            var labels = new ushort[neighbours];
            for (var i = 0; i < neighbours; i++)
            {
                labels[i] = reader.ReadUInt16();
            }

            var vectors = Read(neighbours * inputs, true);
            WordGate? gate = null;
            if (reader.ReadBoolean())
            {
                var gateBias = reader.ReadSingle();
                var gateThreshold = reader.ReadSingle();
                gate = new WordGate(Read(CrisisClassifier.Buckets, true), gateBias, gateThreshold);
            }

            return new CoachClassifier(inputs, weights, bias, words, vectors, labels, threshold, share, gate);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The message coach model file is cut short.", e);
        }
    }

    public static CoachClassifier Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}

/// <summary>
/// The coach with its learned layer: cuts a draft into sentences, lets the word gate pass the ones with something in
/// them, embeds those in one call, and turns each category the classifier reads in a sentence into a hit over that
/// sentence. Without an embedder or model it is the patterns alone.
/// </summary>
public sealed class CoachReader
{
    private readonly ISentenceEmbedder? embedder;
    private readonly CoachClassifier? classifier;

    public CoachReader(ISentenceEmbedder? embedder, CoachClassifier? classifier, int maxSentencesEmbedded = DefaultSentencesEmbedded)
    {
        if (embedder is not null && classifier is not null && embedder.Dimensions != classifier.Inputs)
        {
            throw new ArgumentException($"The coach classifier reads {classifier.Inputs} numbers but the embedder makes {embedder.Dimensions}.");
        }

        this.embedder = embedder;
        this.classifier = embedder is null ? null : classifier;
        MaxSentencesEmbedded = Math.Max(1, maxSentencesEmbedded);
    }

    /// <summary>
    /// How many sentences of a draft are embedded at most: embedding is nearly all of the layer's time (several
    /// milliseconds a sentence), and a long draft's problems are in the sentences the gate scores highest.
    /// </summary>
    public const int DefaultSentencesEmbedded = 4;

    /// <summary>The patterns alone (tests and tools without the model).</summary>
    public static CoachReader PatternsOnly { get; } = new(null, null);

    public bool HasLearnedLayer => classifier is not null;

    /// <summary>How many sentences of a long draft are embedded at most: the ones the gate scores highest.</summary>
    public int MaxSentencesEmbedded { get; }

    /// <summary>Coaches a draft: the crisis reader's reading, the patterns and the learned layer together.</summary>
    public DraftReport Analyze(string draft, CoachStage stage, CrisisReading crisisReading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return DraftCoach.Analyze(draft, stage, crisisReading, Read(draft, cancellationToken));
    }

    /// <summary>Coaches a draft with the crisis reader's rules alone for the crisis part.</summary>
    public DraftReport Analyze(string draft, CoachStage stage) =>
        Analyze(draft, stage, CrisisReader.RulesOnly.Read(draft is { Length: > DraftCoach.MaxLength } ? draft[..DraftCoach.MaxLength] : draft));

    /// <summary>The learned layer's hits in a draft (none without a model).</summary>
    public IReadOnlyList<SemanticHit> Read(string draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (classifier is null || embedder is null)
        {
            return [];
        }

        if (draft.Length > DraftCoach.MaxLength)
        {
            draft = draft[..DraftCoach.MaxLength];
        }

        var units = new List<(int Start, int Length, string Text, IReadOnlyList<int> Words, float Score)>();
        foreach (var (start, length) in Sentences(draft))
        {
            var normalized = NormalizedText.From(draft.Substring(start, length)).Text.Trim();
            if (normalized.Length == 0)
            {
                continue;
            }

            var words = WordFeatures.Of(normalized);
            var score = classifier.Gate?.Score(words) ?? 1f;
            if (classifier.Gate is null || score >= classifier.Gate.Threshold)
            {
                units.Add((start, length, normalized, words, score));
            }
        }

        if (units.Count > MaxSentencesEmbedded)
        {
            units = [.. units.OrderByDescending(u => u.Score).Take(MaxSentencesEmbedded).OrderBy(u => u.Start)];
        }

        if (units.Count == 0)
        {
            return [];
        }

        var distinct = units.Select(u => u.Text).Distinct(StringComparer.Ordinal).ToList();
        var vectors = embedder.Embed(distinct, cancellationToken);
        var byText = distinct.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => vectors[p.i], StringComparer.Ordinal);
        var probabilities = classifier.Probabilities([.. units.Select(u => byText[u.Text])], [.. units.Select(u => u.Words)]);
        var hits = new List<SemanticHit>();
        for (var i = 0; i < units.Count; i++)
        {
            for (var c = 0; c < CoachClassifier.Categories.Count; c++)
            {
                if (probabilities[i][c] >= classifier.Threshold)
                {
                    hits.Add(new SemanticHit(CoachClassifier.Categories[c], units[i].Start, units[i].Length, probabilities[i][c]));
                }
            }
        }

        return hits;
    }

    /// <summary>The sentences of a draft: pieces ended by . ! ? or a line break, spaces trimmed.</summary>
    public static IReadOnlyList<(int Start, int Length)> Sentences(string draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var result = new List<(int, int)>();
        var at = 0;
        while (at < draft.Length)
        {
            var end = at;
            while (end < draft.Length && draft[end] is not ('.' or '!' or '?' or '\n'))
            {
                end++;
            }

            while (end < draft.Length && draft[end] is '.' or '!' or '?')
            {
                end++;
            }

            var start = at;
            var stop = end;
            while (start < stop && char.IsWhiteSpace(draft[start]))
            {
                start++;
            }

            while (stop > start && char.IsWhiteSpace(draft[stop - 1]))
            {
                stop--;
            }

            if (stop > start && draft.AsSpan(start, stop - start).IndexOfAnyExcept(".!? ") >= 0)
            {
                result.Add((start, stop - start));
            }

            at = end < draft.Length && draft[end] == '\n' ? end + 1 : Math.Max(end, at + 1);
        }

        return result;
    }
}
