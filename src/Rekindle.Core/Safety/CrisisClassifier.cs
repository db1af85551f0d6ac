using System.Text;

namespace Rekindle.Core.Safety;

/// <summary>
/// The learned layer: a small neural network (one hidden layer, ReLU, softmax) over a sentence embedding, with the
/// two thresholds chosen on the development split. Immutable once built, so one instance serves every request.
/// </summary>
public sealed class CrisisClassifier
{
    /// <summary>The classes, in output order. Index 0 is "nothing here".</summary>
    public static readonly IReadOnlyList<string> Classes = ["none", "concern", "self-harm", "harm-to-others", "threatened", "ex-self-harm"];

    private const string Magic = "RKCRISIS6";

    /// <summary>
    /// The network reads the embedding multiplied by this: a unit-length 384-number embedding has entries near 0.05,
    /// and weight decay on the large weights such small inputs need kept the network from fitting at all.
    /// </summary>
    public const float InputScale = 20f;

    /// <summary>Hash buckets for the word features (words and word pairs and triples of the sentence).</summary>
    public const int Buckets = 1 << 14;

    private readonly float[] hiddenWeights; // hidden × inputs
    private readonly float[] hiddenBias;
    private readonly float[] outputWeights; // classes × hidden
    private readonly float[] outputBias;
    private readonly float[] wordWeights; // classes × buckets
    private readonly float[] neighbourVectors; // neighbours × inputs: the training sentences themselves
    private readonly byte[] neighbourClasses;

    /// <summary>How many of the nearest training sentences vote.</summary>
    public const int NeighboursVoting = 10;

    /// <summary>How sharply closer neighbours outvote farther ones (a softmax temperature over cosine similarity).</summary>
    private const float NeighbourTemperature = 0.05f;

    public CrisisClassifier(int inputs, int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias, float[] wordWeights, float crisisThreshold, float concernThreshold)
        : this(inputs, hidden, hiddenWeights, hiddenBias, outputWeights, outputBias, wordWeights, [], [], crisisThreshold, concernThreshold)
    {
    }

    /// <param name="neighbourVectors">Training sentences' embeddings, one after another; their nearest ones vote beside the network.</param>
    /// <param name="neighbourClasses">Each training sentence's class.</param>
    public CrisisClassifier(int inputs, int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias, float[] wordWeights,
        float[] neighbourVectors, byte[] neighbourClasses, float crisisThreshold, float concernThreshold, float? longTextCrisisThreshold = null, WordGate? gate = null)
    {
        LongTextCrisisThreshold = longTextCrisisThreshold ?? crisisThreshold;
        if (gate is not null && gate.Weights.Length != Buckets)
        {
            throw new ArgumentException("The classifier's gate does not match its shape.");
        }

        Gate = gate;
        ArgumentNullException.ThrowIfNull(wordWeights);
        ArgumentNullException.ThrowIfNull(neighbourVectors);
        ArgumentNullException.ThrowIfNull(neighbourClasses);
        if (neighbourVectors.Length != neighbourClasses.Length * inputs || neighbourClasses.Any(c => c >= Classes.Count))
        {
            throw new ArgumentException("The classifier's neighbours do not match its shape.");
        }

        this.neighbourVectors = neighbourVectors;
        this.neighbourClasses = neighbourClasses;
        if (wordWeights.Length != Classes.Count * Buckets)
        {
            throw new ArgumentException("The classifier's word weights do not match its shape.");
        }

        this.wordWeights = wordWeights;
        ArgumentNullException.ThrowIfNull(hiddenWeights);
        ArgumentNullException.ThrowIfNull(hiddenBias);
        ArgumentNullException.ThrowIfNull(outputWeights);
        ArgumentNullException.ThrowIfNull(outputBias);
        if (hiddenWeights.Length != inputs * hidden || hiddenBias.Length != hidden || outputWeights.Length != Classes.Count * hidden || outputBias.Length != Classes.Count)
        {
            throw new ArgumentException("The classifier's weights do not match its shape.");
        }

        Inputs = inputs;
        Hidden = hidden;
        this.hiddenWeights = hiddenWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        CrisisThreshold = crisisThreshold;
        ConcernThreshold = concernThreshold;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    /// <summary>A sentence is a crisis when the four crisis classes together reach this probability.</summary>
    public float CrisisThreshold { get; }

    /// <summary>
    /// The crisis threshold for a sentence inside a long text (more than four sentences): each of its many sentences is
    /// a chance for a false alarm, so the dev part may choose a stricter bar there.
    /// </summary>
    public float LongTextCrisisThreshold { get; }

    /// <summary>A sentence is a concern when concern and crisis together reach this probability (and it is not a crisis).</summary>
    public float ConcernThreshold { get; }

    /// <summary>
    /// The cheap first look: a sentence whose words the gate scores under its threshold is not embedded at all (the
    /// embedding is nearly all of the reader's time). Null: every sentence is embedded.
    /// </summary>
    public WordGate? Gate { get; }

    /// <summary>The same network with other thresholds (training chooses them after fitting).</summary>
    public CrisisClassifier WithThresholds(float crisis, float concern, float? longTextCrisis = null) =>
        new(Inputs, Hidden, hiddenWeights, hiddenBias, outputWeights, outputBias, wordWeights, neighbourVectors, neighbourClasses, crisis, concern, longTextCrisis, Gate);

    /// <summary>The same network with the training sentences as voting neighbours.</summary>
    public CrisisClassifier WithNeighbours(float[] vectors, byte[] classes) =>
        new(Inputs, Hidden, hiddenWeights, hiddenBias, outputWeights, outputBias, wordWeights, vectors, classes, CrisisThreshold, ConcernThreshold, LongTextCrisisThreshold, Gate);

    /// <summary>The same network behind another gate (null: none).</summary>
    public CrisisClassifier WithGate(WordGate? gate) =>
        new(Inputs, Hidden, hiddenWeights, hiddenBias, outputWeights, outputBias, wordWeights, neighbourVectors, neighbourClasses, CrisisThreshold, ConcernThreshold, LongTextCrisisThreshold, gate);

    public int Neighbours => neighbourClasses.Length;

    /// <summary>Class probabilities for one sentence: its embedding (meaning) and its words (the exact phrasing).</summary>
    public float[] Probabilities(ReadOnlySpan<float> embedding, string normalizedSentence) =>
        Probabilities([embedding.ToArray()], [WordFeatures.Of(normalizedSentence)])[0];

    internal float[] Probabilities(ReadOnlySpan<float> embedding, IReadOnlyList<int> words) =>
        Probabilities([embedding.ToArray()], [words])[0];

    /// <summary>
    /// Class probabilities for several sentences at once: the neighbour vote reads the training sentences once for all
    /// of them, which is most of the classifier's time.
    /// </summary>
    internal float[][] Probabilities(IReadOnlyList<float[]> embeddings, IReadOnlyList<IReadOnlyList<int>> words)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(words);
        if (embeddings.Count != words.Count)
        {
            throw new ArgumentException("One word list per embedding.", nameof(words));
        }

        var result = new float[embeddings.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Network(embeddings[i], words[i]);
        }

        if (neighbourClasses.Length == 0 || result.Length == 0)
        {
            return result;
        }

        // The network and the nearest training sentences each have half the say.
        var votes = NeighbourVotes(embeddings);
        for (var i = 0; i < result.Length; i++)
        {
            for (var c = 0; c < result[i].Length; c++)
            {
                result[i][c] = (result[i][c] + votes[i][c]) / 2;
            }
        }

        return result;
    }

    private float[] Network(ReadOnlySpan<float> embedding, IReadOnlyList<int> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (embedding.Length != Inputs)
        {
            throw new ArgumentException($"Expected {Inputs} numbers, got {embedding.Length}.", nameof(embedding));
        }

        Span<float> hidden = Hidden <= 512 ? stackalloc float[Hidden] : new float[Hidden];
        for (var h = 0; h < Hidden; h++)
        {
            var row = hiddenWeights.AsSpan(h * Inputs, Inputs);
            var sum = hiddenBias[h] + (InputScale * Dot(row, embedding));
            hidden[h] = sum > 0 ? sum : 0;
        }

        var output = new float[Classes.Count];
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = outputBias[c] + Dot(outputWeights.AsSpan(c * Hidden, Hidden), hidden);
            if (words.Count > 0)
            {
                var scale = WordFeatures.Scale(words.Count);
                var row = wordWeights.AsSpan(c * Buckets, Buckets);
                foreach (var w in words)
                {
                    output[c] += row[w] * scale;
                }
            }
        }

        Softmax(output);
        return output;
    }

    /// <summary>Class shares among each sentence's nearest training sentences, closer ones weighing more.</summary>
    private float[][] NeighbourVotes(IReadOnlyList<float[]> embeddings)
    {
        var queries = embeddings.Count;
        var (bestSimilarity, bestIndex, k) = NearestNeighbours.Find(neighbourVectors, neighbourClasses.Length, Inputs, embeddings, NeighboursVoting);
        var votes = new float[queries][];
        for (var q = 0; q < queries; q++)
        {
            var top = bestSimilarity.AsSpan(q * k, k);
            var vote = votes[q] = new float[Classes.Count];
            var total = 0f;
            for (var j = 0; j < k; j++)
            {
                var weight = MathF.Exp((top[j] - top[0]) / NeighbourTemperature);
                vote[neighbourClasses[bestIndex[(q * k) + j]]] += weight;
                total += weight;
            }

            for (var c = 0; c < vote.Length; c++)
            {
                vote[c] /= total;
            }
        }

        return votes;
    }

    /// <summary>A dot product over the length of <paramref name="a"/>, four vector lanes at a time with fused multiply-adds.</summary>
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        b = b[..a.Length];
        var va = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(a);
        var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(b);
        System.Numerics.Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
        var i = 0;
        for (; i + 4 <= va.Length; i += 4)
        {
            s0 = System.Numerics.Vector.FusedMultiplyAdd(va[i], vb[i], s0);
            s1 = System.Numerics.Vector.FusedMultiplyAdd(va[i + 1], vb[i + 1], s1);
            s2 = System.Numerics.Vector.FusedMultiplyAdd(va[i + 2], vb[i + 2], s2);
            s3 = System.Numerics.Vector.FusedMultiplyAdd(va[i + 3], vb[i + 3], s3);
        }

        for (; i < va.Length; i++)
        {
            s0 = System.Numerics.Vector.FusedMultiplyAdd(va[i], vb[i], s0);
        }

        var total = System.Numerics.Vector.Sum((s0 + s1) + (s2 + s3));
        for (var j = va.Length * System.Numerics.Vector<float>.Count; j < a.Length; j++)
        {
            total += a[j] * b[j];
        }

        return total;
    }

    internal static void Softmax(Span<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var total = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            total += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= total;
        }
    }

    /// <summary>The probability that a sentence is a crisis of any kind.</summary>
    public static float CrisisProbability(ReadOnlySpan<float> probabilities) => probabilities[2] + probabilities[3] + probabilities[4] + probabilities[5];

    /// <summary>The most likely crisis kind.</summary>
    public static CrisisKind LikeliestKind(ReadOnlySpan<float> probabilities)
    {
        var best = 2;
        for (var c = 3; c < 6; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return (CrisisKind)(best - 2);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Inputs);
        writer.Write(Hidden);
        writer.Write(Classes.Count);
        writer.Write(CrisisThreshold);
        writer.Write(ConcernThreshold);
        writer.Write(LongTextCrisisThreshold);
        foreach (var array in new[] { hiddenWeights, hiddenBias, outputWeights, outputBias, wordWeights })
        {
            foreach (var value in array)
            {
                writer.Write(value);
            }
        }

        // Neighbours in half precision: a cosine similarity needs no more, and the file stays a few megabytes.
        writer.Write(neighbourClasses.Length);
        writer.Write(neighbourClasses);
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
                writer.Write(value);
            }
        }
    }

    public static CrisisClassifier Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("This is not a crisis reader model file.");
            }

            var inputs = reader.ReadInt32();
            var hidden = reader.ReadInt32();
            var classes = reader.ReadInt32();
            if (classes != Classes.Count || inputs is < 1 or > 4096 || hidden is < 1 or > 4096)
            {
                throw new InvalidDataException("The crisis reader model file has an unexpected shape.");
            }

            var crisis = reader.ReadSingle();
            var concern = reader.ReadSingle();
            var longCrisis = reader.ReadSingle();
            float[] Read(int count)
            {
                var values = new float[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = reader.ReadSingle();
                }

                return values;
            }

            var network = (Read(inputs * hidden), Read(hidden), Read(classes * hidden), Read(classes), Read(classes * Buckets));
            var neighbours = reader.ReadInt32();
            if (neighbours is < 0 or > 1_000_000)
            {
                throw new InvalidDataException("The crisis reader model file has an unexpected shape.");
            }

            var neighbourClasses = reader.ReadBytes(neighbours);
            var vectors = new float[neighbours * inputs];
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] = (float)reader.ReadHalf();
            }

            if (neighbourClasses.Length != neighbours || neighbourClasses.Any(c => c >= classes))
            {
                throw new InvalidDataException("The crisis reader model file's neighbours are damaged.");
            }

            WordGate? gate = null;
            if (reader.ReadBoolean())
            {
                var bias = reader.ReadSingle();
                var threshold = reader.ReadSingle();
                gate = new WordGate(Read(Buckets), bias, threshold);
            }

            return new CrisisClassifier(inputs, hidden, network.Item1, network.Item2, network.Item3, network.Item4, network.Item5, vectors, neighbourClasses, crisis, concern, longCrisis, gate);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The crisis reader model file is cut short.", e);
        }
    }

    public static CrisisClassifier Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}

/// <summary>
/// A logistic score over a sentence's hashed words (<see cref="WordFeatures"/>): how likely it is to say anything
/// worrying at all. Trained on the same corpus, with the threshold chosen on the dev part so the reader finds what it
/// found without the gate; ordinary sentences ("I went for a run by the canal") score far below it and skip the
/// embedding.
/// </summary>
public sealed record WordGate(float[] Weights, float Bias, float Threshold)
{
    public float Score(IReadOnlyList<int> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sum = Bias;
        var scale = WordFeatures.Scale(Math.Max(1, words.Count));
        foreach (var w in words)
        {
            sum += Weights[w] * scale;
        }

        return 1f / (1f + MathF.Exp(-sum));
    }

    public bool Passes(IReadOnlyList<int> words) => Score(words) >= Threshold;
}

/// <summary>
/// The words of a sentence as hashed features: each word, each pair and each triple of neighbouring words. They let
/// the classifier tell "I'd die for a nap" from "I want to die", which sentence embeddings place close together.
/// </summary>
internal static class WordFeatures
{
    public static IReadOnlyList<int> Of(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && (char.IsLetterOrDigit(normalized[i]) || (normalized[i] == '\'' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }

        var features = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            features.Add(Hash(words[i]));
            if (i + 1 < words.Count)
            {
                features.Add(Hash(words[i] + " " + words[i + 1]));
            }

            if (i + 2 < words.Count)
            {
                features.Add(Hash(words[i] + " " + words[i + 1] + " " + words[i + 2]));
            }
        }

        return [.. features];
    }

    public static float Scale(int count) => 1f / MathF.Sqrt(count);

    private static int Hash(string feature)
    {
        var hash = 2166136261u;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % CrisisClassifier.Buckets);
    }
}
