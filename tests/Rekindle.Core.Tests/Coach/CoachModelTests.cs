using Rekindle.Core.Coach;
using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Core.Tests.Coach;

/// <summary>
/// The shipped coach model (content/coach/coach-model.bin with the real all-MiniLM-L6-v2 embeddings) on the corpus's
/// held-apart test part (content/coach/drafts.tsv), which neither training nor the choice of threshold ever sees.
/// </summary>
public sealed class CoachModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<(CoachReader Reader, IReadOnlyList<CoachDraft> Drafts, IReadOnlyList<CoachSentence> Sentences)> Shipped = new(() =>
    {
        var root = RepositoryRoot();
        var classifier = CoachClassifier.Load(Path.Combine(root, "content", "coach", "coach-model.bin"));
        return (new CoachReader(MiniLmEmbedder.Shared, classifier), CoachCorpus.LoadDrafts(Path.Combine(root, "content", "coach", "drafts.tsv")),
            CoachCorpus.LoadSentences(Path.Combine(root, "content", "coach", "sentences")));
    });

    // Floors just under the shipped model's held-apart figures (docs/coach/semantic-coach.md), so a retrain or a rules
    // change that makes it worse fails. They are NOT the goals (verdicts 0.92, warning recall 0.90, false warnings at
    // most 0.05), which this model does not reach; the doc says where it stands.
    private const double MinimumVerdictAccuracy = 0.72;
    private const double MinimumWarningRecall = 0.41;
    private const double MaximumFalseWarnings = 0.07;

    [Fact]
    public void On_the_held_apart_part_the_coach_meets_its_floors()
    {
        var (reader, drafts, _) = Shipped.Value;
        var test = drafts.Where(d => d.Part == CorpusPart.Test).ToList();
        Assert.True(test.Count >= 300, $"the held-apart part has {test.Count} drafts");
        var figures = CoachFigures.Measure(d => reader.Analyze(d.Text, d.Stage, CrisisReading.None), test);
        var patterns = CoachFigures.Measure(d => DraftCoach.Analyze(d.Text, d.Stage, CrisisReading.None), test);
        output.WriteLine($"held-apart part: {figures.Describe()}");
        output.WriteLine($"patterns alone:  {patterns.Describe()}");
        Assert.True(figures.VerdictAccuracy >= MinimumVerdictAccuracy, figures.Describe());
        Assert.True(figures.WarningRecall >= MinimumWarningRecall, figures.Describe());
        Assert.True(figures.FalseWarningRate <= MaximumFalseWarnings, figures.Describe());
        Assert.True(figures.WarningRecall > patterns.WarningRecall, "the learned layer finds more than the patterns alone");
    }

    [Fact]
    public void The_corpus_is_large_varied_labelled_and_split_without_shared_sentences()
    {
        var (_, drafts, sentences) = Shipped.Value;
        Assert.True(drafts.Count >= 1500, $"{drafts.Count} drafts");
        Assert.True(drafts.Count(d => d.IsClean) * 3 >= drafts.Count, "at least a third clean");
        foreach (var stage in Enum.GetValues<CoachStage>())
        {
            Assert.Contains(drafts, d => d.Stage == stage);
        }

        foreach (var register in new[] { "plain", "texting", "long", "formal" })
        {
            Assert.True(drafts.Count(d => d.Register == register) >= 50, register);
        }

        foreach (var category in CoachClassifier.Categories)
        {
            Assert.True(sentences.Count(s => s.Category == category) >= 15, category.ToString());
        }

        // A draft is built from one part's sentences only: the test part shares no sentence with train or dev.
        var trainOrDev = sentences.Where(s => s.Part != CorpusPart.Test).Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(sentences.Where(s => s.Part == CorpusPart.Test), s => trainOrDev.Contains(s.Text));
        Assert.Equal(CoachCorpus.Compose(sentences).Select(d => d.Text), drafts.Select(d => d.Text));
        Assert.All(drafts, d => Assert.Equal(DraftCoach.VerdictFor(d.Stage, d.Categories), d.Verdict));
    }

    [Fact]
    public void The_model_file_survives_a_round_trip_and_a_broken_file_is_refused()
    {
        var path = Path.Combine(RepositoryRoot(), "content", "coach", "coach-model.bin");
        Assert.True(new FileInfo(path).Length < 8_000_000, "the model file stays a few megabytes");
        var model = CoachClassifier.Load(path);
        using var copy = new MemoryStream();
        model.Save(copy);
        copy.Position = 0;
        var loaded = CoachClassifier.Load(copy);
        var vector = Enumerable.Range(0, model.Inputs).Select(i => MathF.Sin(i) / 14).ToArray();
        IReadOnlyList<int> words = [1, 2, 3];
        Assert.Equal(model.Probabilities([vector], [words])[0], loaded.Probabilities([vector], [words])[0]);
        Assert.Equal(model.Threshold, loaded.Threshold);
        Assert.Throws<InvalidDataException>(() => CoachClassifier.Load(new MemoryStream(copy.ToArray()[..100])));
        Assert.Throws<InvalidDataException>(() => CoachClassifier.Load(new MemoryStream("not a model"u8.ToArray())));
    }

    [Fact]
    public void The_learned_layer_points_at_the_sentence_and_leaves_a_plain_message_alone()
    {
        var (reader, _, _) = Shipped.Value;
        const string draft = "Hope the new job is going well. Did you get my last 6 messages?";
        var report = reader.Analyze(draft, CoachStage.Reconnecting, CrisisReading.None);
        var finding = Assert.Single(report.Findings, f => f.Severity == Severity.Warning);
        Assert.Equal("Did you get my last 6 messages?", draft.Substring(finding.Start, finding.Length));
        Assert.Equal(Verdict.Send, reader.Analyze("Hope the new job is going well. Saw a fox in the garden this morning.", CoachStage.Reconnecting, CrisisReading.None).Verdict);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rekindle.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
