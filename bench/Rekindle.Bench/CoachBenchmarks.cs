using BenchmarkDotNet.Attributes;
using Rekindle.Core.Coach;

namespace Rekindle.Bench;

/// <summary>
/// The message coach, per draft and in batches. The baseline lower-cases the same draft: the least any text
/// analysis must do, so the ratio says what the coach costs beyond reading the text once.
/// </summary>
[MemoryDiagnoser]
public class CoachBenchmarks
{
    public const string Typical = "Hey, saw the bakery on Elm reopened and thought of you. I miss you so much, pls come back??";

    public static readonly string Long = string.Join(' ', Enumerable.Repeat(
        "I keep thinking about the weekend at the lake and how easy everything felt, and I wonder if you think about it too.", 12));

    private static readonly string[] Drafts =
    [
        Typical,
        "Happy birthday! Hope the day treats you well.",
        "You never listened to me and now you're with him??? Answer me",
        "I can pick Mia up from school at 3:30 on Friday. Does that work for you?",
        "I'd like to talk about what a healthier us could look like. Could we find an hour this weekend?",
    ];

    private string[] batch = [];

    [Params(10, 100, 1000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => batch = Enumerable.Range(0, Count).Select(i => Drafts[i % Drafts.Length]).ToArray();

    [Benchmark(Baseline = true, Description = "baseline: lower-case one typical draft")]
    public string Baseline() => Typical.ToLowerInvariant();

    [Benchmark(Description = "one typical draft")]
    public DraftReport TypicalDraft() => DraftCoach.Analyze(Typical, CoachStage.FirstContact);

    [Benchmark(Description = "one long draft (250 words)")]
    public DraftReport LongDraft() => DraftCoach.Analyze(Long, CoachStage.Reconnecting);

    [Benchmark(Description = "a batch of Count drafts")]
    public int Batch()
    {
        var findings = 0;
        foreach (var draft in batch)
        {
            findings += DraftCoach.Analyze(draft, CoachStage.FirstContact).Findings.Count;
        }

        return findings;
    }
}
