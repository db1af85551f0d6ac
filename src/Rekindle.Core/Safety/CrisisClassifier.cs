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

    private const string Magic = "RKCRISIS1";

    private readonly float[] hiddenWeights; // hidden × inputs
    private readonly float[] hiddenBias;
    private readonly float[] outputWeights; // classes × hidden
    private readonly float[] outputBias;

    public CrisisClassifier(int inputs, int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias, float crisisThreshold, float concernThreshold)
    {
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

    /// <summary>A sentence is a concern when concern and crisis together reach this probability (and it is not a crisis).</summary>
    public float ConcernThreshold { get; }

    /// <summary>The same network with other thresholds (training chooses them after fitting).</summary>
    public CrisisClassifier WithThresholds(float crisis, float concern) =>
        new(Inputs, Hidden, hiddenWeights, hiddenBias, outputWeights, outputBias, crisis, concern);

    /// <summary>Class probabilities for one embedding.</summary>
    public float[] Probabilities(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Inputs)
        {
            throw new ArgumentException($"Expected {Inputs} numbers, got {embedding.Length}.", nameof(embedding));
        }

        Span<float> hidden = Hidden <= 512 ? stackalloc float[Hidden] : new float[Hidden];
        for (var h = 0; h < Hidden; h++)
        {
            var row = hiddenWeights.AsSpan(h * Inputs, Inputs);
            var sum = hiddenBias[h] + Dot(row, embedding);
            hidden[h] = sum > 0 ? sum : 0;
        }

        var output = new float[Classes.Count];
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = outputBias[c] + Dot(outputWeights.AsSpan(c * Hidden, Hidden), hidden);
        }

        Softmax(output);
        return output;
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        var width = System.Numerics.Vector<float>.Count;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
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
        foreach (var array in new[] { hiddenWeights, hiddenBias, outputWeights, outputBias })
        {
            foreach (var value in array)
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
            float[] Read(int count)
            {
                var values = new float[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = reader.ReadSingle();
                }

                return values;
            }

            return new CrisisClassifier(inputs, hidden, Read(inputs * hidden), Read(hidden), Read(classes * hidden), Read(classes), crisis, concern);
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
