using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Core.Tests.Safety;

/// <summary>
/// The shipped crisis reader (content/safety/crisis-model.bin with the real all-MiniLM-L6-v2 embeddings) on the
/// corpus's held-apart test part, which neither training nor threshold choice ever sees.
/// </summary>
public sealed class CrisisModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<(CrisisReader Reader, IReadOnlyList<CorpusExample> Corpus)> Shipped = new(() =>
    {
        var root = RepositoryRoot();
        var classifier = CrisisClassifier.Load(Path.Combine(root, "content", "safety", "crisis-model.bin"));
        var corpus = CrisisCorpus.LoadDirectory(Path.Combine(root, "content", "safety", "crisis-corpus"));
        return (new CrisisReader(MiniLmEmbedder.Shared, classifier), corpus);
    });

    // A floor under the shipped model's held-apart figures (0.603 recall, 0.041 false alarms with today's reader), so a
    // retrain or a rules change that makes it worse fails. It is NOT the goal: the goal is recall 0.97 with false alarms
    // at most 0.03, which this model does not reach; docs/safety/crisis-reader.md reports where it stands.
    private const double MinimumCrisisRecall = 0.59;
    private const double MaximumFalseAlarms = 0.05;

    [Fact]
    public void On_the_held_apart_part_the_reader_finds_crises_without_false_alarms()
    {
        var (reader, corpus) = Shipped.Value;
        var test = corpus.Where(e => e.Part() == CorpusPart.Test).ToList();
        Assert.True(test.Count > 300, $"the held-apart part has {test.Count} texts");
        var figures = CrisisFigures.Measure(reader, test);
        output.WriteLine($"held-apart part: {figures.Describe()}");
        Assert.True(figures.CrisisRecall >= MinimumCrisisRecall, figures.Describe());
        Assert.True(figures.FalseAlarmRate <= MaximumFalseAlarms, figures.Describe());
    }

    [Fact]
    public void The_corpus_is_large_varied_and_split_three_ways()
    {
        var corpus = Shipped.Value.Corpus;
        Assert.True(corpus.Count >= 2000);
        Assert.True(corpus.Count(e => e.Level == CrisisLevel.None) >= 800);
        foreach (var kind in Enum.GetValues<CrisisKind>())
        {
            Assert.True(corpus.Count(e => e.Level == CrisisLevel.Crisis && e.Kind == kind) >= 150, kind.ToString());
        }

        Assert.True(corpus.Count(e => e.Level == CrisisLevel.Concern) >= 150);
        var parts = corpus.GroupBy(e => e.Part()).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(parts[CorpusPart.Test] / (double)corpus.Count, 0.10, 0.20);
        Assert.InRange(parts[CorpusPart.Dev] / (double)corpus.Count, 0.10, 0.20);
        Assert.Equal(corpus.Count, corpus.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void The_split_is_a_fixed_function_of_the_words()
    {
        var example = new CorpusExample(CrisisLevel.None, null, "Went for a run by the canal.", "test");
        var again = example with { Text = "  went FOR a run  by the canal. " };
        Assert.Equal(example.Part(), again.Part());
        Assert.NotEqual(CrisisCorpus.Bucket(example.Text, 1), CrisisCorpus.Bucket(example.Text, 2) + 100);
    }

    [Fact]
    public void The_model_file_survives_a_round_trip_and_a_broken_file_is_refused()
    {
        var path = Path.Combine(RepositoryRoot(), "content", "safety", "crisis-model.bin");
        var model = CrisisClassifier.Load(path);
        using var copy = new MemoryStream();
        model.Save(copy);
        copy.Position = 0;
        var loaded = CrisisClassifier.Load(copy);
        var vector = Enumerable.Range(0, model.Inputs).Select(i => MathF.Sin(i)).ToArray();
        Assert.Equal(model.Probabilities(vector, "i want it all to stop"), loaded.Probabilities(vector, "i want it all to stop"));
        Assert.Equal(model.CrisisThreshold, loaded.CrisisThreshold);

        using var cut = new MemoryStream(copy.ToArray()[..1000]);
        Assert.Throws<InvalidDataException>(() => CrisisClassifier.Load(cut));
        using var other = new MemoryStream("not a model"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => CrisisClassifier.Load(other));
    }

    [Theory]
    [InlineData("i dont want to wake up tomorrow")]
    [InlineData("everyone would be better off if i wasnt around")]
    public void Indirect_ways_of_saying_it_are_a_crisis(string text) =>
        Assert.Equal(CrisisLevel.Crisis, Shipped.Value.Reader.Read(text).Level);

    [Fact]
    public void Reading_is_safe_from_many_threads_at_once()
    {
        var reader = Shipped.Value.Reader;
        var results = Enumerable.Range(0, 16).AsParallel().Select(i => reader.Read(i % 2 == 0 ? "I want to kill myself" : "Lovely walk by the sea today.").Level).ToArray();
        Assert.Equal(8, results.Count(l => l == CrisisLevel.Crisis));
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
