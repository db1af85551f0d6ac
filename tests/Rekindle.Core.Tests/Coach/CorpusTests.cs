using System.Globalization;
using System.Text;
using System.Text.Json;
using Rekindle.Core.Coach;
using Xunit.Abstractions;

namespace Rekindle.Core.Tests.Coach;

/// <summary>
/// The coach against labelled corpora of realistic drafts (Coach/*.jsonl, written by two different people so the
/// patterns are not fitted to one voice): every category and stage, texting style, emoji, capitals, negation and
/// idioms, and clean messages that must pass without warnings.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    public sealed record Labelled(string Stage, string Text, string[] Categories, string? Verdict);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Labelled> Corpus { get; } = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Coach"), "*.jsonl")
        .Order(StringComparer.Ordinal)
        .SelectMany(File.ReadAllLines)
        .Where(line => line.Length > 0)
        .Select(line => JsonSerializer.Deserialize<Labelled>(line, Json)!)
        .ToList();

    private static (Labelled Draft, DraftReport Report)[] Run() =>
        Corpus.Select(d => (d, DraftCoach.Analyze(d.Text, CoachIds.TryParseStage(d.Stage, out var s) ? s : throw new InvalidOperationException(d.Stage)))).ToArray();

    [Fact]
    public void The_corpus_is_big_and_covers_every_category_and_stage()
    {
        Assert.True(Corpus.Count >= 400, $"{Corpus.Count} drafts");
        Assert.True(Corpus.Count(d => d.Categories.Length == 0) >= 60, "at least 60 clean drafts");
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            Assert.Contains(Corpus, d => d.Categories.Contains(category.Id()));
        }

        foreach (var stage in CoachIds.AllStageIds)
        {
            Assert.Contains(Corpus, d => d.Stage == stage);
        }
    }

    [Fact]
    public void Recall_on_warnings_is_at_least_90_percent_and_clean_drafts_rarely_warn()
    {
        var results = Run();
        var table = new StringBuilder("category             expected  found  recall  precision\n");
        int expectedTotal = 0, foundTotal = 0;
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            var id = category.Id();
            var expected = results.Count(r => r.Draft.Categories.Contains(id));
            var detected = results.Count(r => r.Report.Findings.Any(f => f.Category == category));
            var hits = results.Count(r => r.Draft.Categories.Contains(id) && r.Report.Findings.Any(f => f.Category == category));
            expectedTotal += expected;
            foundTotal += hits;
            table.AppendLine(CultureInfo.InvariantCulture, $"{id,-20} {expected,8} {hits,6} {Ratio(hits, expected),7} {Ratio(hits, detected),10}");
        }

        var clean = results.Where(r => r.Draft.Categories.Length == 0).ToList();
        var falseWarnings = clean.Where(r => r.Report.Findings.Any(f => f.Severity != Severity.Note)).ToList();
        var recall = (double)foundTotal / expectedTotal;
        var falseRate = (double)falseWarnings.Count / clean.Count;
        table.AppendLine(CultureInfo.InvariantCulture, $"overall recall {recall:P1}; false warnings on clean drafts {falseWarnings.Count}/{clean.Count} ({falseRate:P1})");
        foreach (var (draft, report) in results.Where(r => r.Draft.Categories.Any(c => !r.Report.Findings.Any(f => f.Category.Id() == c))))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"missed [{string.Join(",", draft.Categories)}] {draft.Stage}: {draft.Text}");
        }

        foreach (var (draft, report) in falseWarnings)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"false [{string.Join(",", report.Findings.Select(f => f.Category.Id()))}] {draft.Stage}: {draft.Text}");
        }

        output.WriteLine(table.ToString());
        Assert.True(recall >= 0.9, table.ToString());
        Assert.True(falseRate <= 0.05, table.ToString());
    }

    [Fact]
    public void Labelled_verdicts_match()
    {
        var wrong = Run().Where(r => r.Draft.Verdict is not null && r.Draft.Verdict != r.Report.Verdict.Id())
            .Select(r => $"{r.Draft.Text}: expected {r.Draft.Verdict}, got {r.Report.Verdict.Id()} [{string.Join(",", r.Report.Findings.Select(f => f.Category.Id()))}]").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("0.00", CultureInfo.InvariantCulture);
}
