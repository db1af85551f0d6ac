using BenchmarkDotNet.Attributes;
using Rekindle.Core.Coach;
using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Bench;

/// <summary>
/// The message coach with its learned layer (patterns, word gate, one embedding call for the draft's sentences,
/// classifier) on a short draft and a 1,000-character draft, against the patterns alone on the same long draft (the
/// baseline, measured in the same run), with p50 and p95. The goal is p95 under 30 ms for the 1,000-character draft.
/// The crisis reader's own time is not included: it is measured by bench/crisis.sh.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class SemanticCoachBenchmarks
{
    public const string Short = "Hope the new job is going well. Did you get my last 6 messages?";

    public static readonly string Long = Fit(
        "Hi Sam, hope the new flat is coming together and the move wasn't too awful. I finally tried the ramen place on Mill Street "
        + "you always talked about, and you were right about the broth. Work has been busy but good; they moved me onto the design "
        + "team, which I'd wanted for ages. My sister says hi, by the way, and she's still laughing about the quiz night. "
        + "I went hiking in the hills last weekend and got completely soaked. Is she the reason you left? The garden finally has "
        + "flowers in it, mostly the ones you planted. I've been reading more, that series you lent me is brilliant. Did you get "
        + "my last 6 messages? The cinema is showing that old film again on Friday. Anyway, I hope your week is kind to you and "
        + "the new job is treating you well. I started learning guitar, it's going terribly, which is half the fun.", 1000);

    private CoachReader reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = CoachClassifier.Load(Path.Combine(AppContext.BaseDirectory, "content", "coach", "coach-model.bin"));
        reader = new CoachReader(MiniLmEmbedder.Shared, model);
        reader.Analyze("warm up the embedder", CoachStage.Reconnecting, CrisisReading.None);
    }

    [Benchmark(Baseline = true, Description = "patterns alone, 1,000 characters")]
    public DraftReport PatternsLong() => DraftCoach.Analyze(Long, CoachStage.Reconnecting, CrisisReading.None);

    [Benchmark(Description = "patterns alone, short draft")]
    public DraftReport PatternsShort() => DraftCoach.Analyze(Short, CoachStage.Reconnecting, CrisisReading.None);

    [Benchmark(Description = "with the learned layer, short draft")]
    public DraftReport SemanticShort() => reader.Analyze(Short, CoachStage.Reconnecting, CrisisReading.None);

    [Benchmark(Description = "with the learned layer, 1,000 characters")]
    public DraftReport SemanticLong() => reader.Analyze(Long, CoachStage.Reconnecting, CrisisReading.None);

    private static string Fit(string text, int length) => text.Length >= length ? text[..length] : text + new string(' ', length - text.Length);
}
