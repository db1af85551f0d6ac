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

    // A floor under the shipped model's held-apart figures (see docs/safety/crisis-reader.md), so a
    // retrain or a rules change that makes it worse fails. It is NOT the goal: the goal is recall 0.97 with false alarms
    // at most 0.03, which this model does not reach; docs/safety/crisis-reader.md reports where it stands.
    private const double MinimumCrisisRecall = 0.63;
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
        Assert.NotNull(model.Gate);
        Assert.Equal(model.Gate.Threshold, loaded.Gate!.Threshold);
        Assert.Equal(model.Gate.Weights, loaded.Gate.Weights);

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

    // Longing said to the ex is the message coach's daily bread, not a goodbye.
    [Theory]
    [InlineData("I just need you. Nobody else gets me like you do.")]
    [InlineData("I miss you so much, nobody knows me like you")]
    public void Longing_without_danger_is_never_a_crisis(string text) =>
        Assert.NotEqual(CrisisLevel.Crisis, Shipped.Value.Reader.Read(text).Level);

    // The model hears the ex in any sentence that names them; the writer's own danger must keep the writer's help.
    [Theory]
    [InlineData("he cheated and now I keep looking at the pills", CrisisKind.SelfHarm)]
    [InlineData("she said she'd rather die than live without me and she has pills", CrisisKind.ExSelfHarm)]
    [InlineData("I bought a knife today and I keep thinking about his face", CrisisKind.HarmToOthers)]
    public void The_kind_follows_whose_life_is_at_stake(string text, CrisisKind kind)
    {
        var reading = Shipped.Value.Reader.Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(kind, reading.Kind);
    }

    [Fact]
    public void Ordinary_sentences_skip_the_embedding_and_worrying_ones_do_not()
    {
        var counting = new CountingEmbedder(MiniLmEmbedder.Shared);
        var reader = new CrisisReader(counting, CrisisClassifier.Load(Path.Combine(RepositoryRoot(), "content", "safety", "crisis-model.bin")));

        Assert.Equal(CrisisLevel.None, reader.Read("Went to the gym after work and made pasta for dinner.").Level);
        Assert.Equal(0, counting.Sentences);

        reader.Read("Some nights I wonder if anyone would notice if I was gone.");
        Assert.Equal(1, counting.Sentences);
    }

    [Fact]
    public void A_form_of_several_fields_is_read_with_one_embedding_call_and_the_worst_field_wins()
    {
        var counting = new CountingEmbedder(MiniLmEmbedder.Shared);
        var reader = new CrisisReader(counting, CrisisClassifier.Load(Path.Combine(RepositoryRoot(), "content", "safety", "crisis-model.bin")));
        string[] fields = ["Some nights I wonder if anyone would notice if I was gone.", "I don't know what I'm doing with my life anymore.", "Lovely walk by the sea."];
        var alone = fields.Select(f => reader.Read(f)).ToList();
        counting.Calls = 0;

        var together = reader.ReadAll(fields);

        Assert.Equal(1, counting.Calls);
        var worst = alone.OrderByDescending(r => r.Level).First();
        Assert.Equal(worst.Level, together.Level);
        Assert.Equal(worst.Sentence, together.Sentence);
    }

    [Fact]
    public void Scoring_sentences_together_gives_what_scoring_each_alone_gives()
    {
        var model = CrisisClassifier.Load(Path.Combine(RepositoryRoot(), "content", "safety", "crisis-model.bin"));
        string[] sentences = ["i want it all to stop", "lovely walk by the sea", "he said he would find me"];
        var vectors = MiniLmEmbedder.Shared.Embed(sentences);
        var together = model.Probabilities(vectors, sentences.Select(WordFeatures.Of).ToArray());
        for (var i = 0; i < sentences.Length; i++)
        {
            var alone = model.Probabilities(vectors[i], sentences[i]);
            Assert.Equal(alone, together[i]);
        }
    }

    private sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        public int Calls { get; set; }

        public int Sentences { get; set; }

        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            Sentences += texts.Count;
            return inner.Embed(texts, cancellationToken);
        }
    }

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
