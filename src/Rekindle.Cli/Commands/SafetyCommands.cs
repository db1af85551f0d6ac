using System.Diagnostics;
using System.Globalization;
using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Cli.Commands;

/// <summary>
/// `rekindle safety train`: retrains the crisis reader's learned layer from the team's corpus and writes its
/// weights, which the app loads at start. `rekindle safety read`: reads standard input as the app would.
/// </summary>
public static class SafetyCommands
{
    public const string Help = """
        rekindle safety train [--corpus DIR] [--out FILE] [--report FILE] [--cache FILE]
            Retrains the crisis reader's classifier on the corpus (default content/safety/crisis-corpus), splits it by a
            fixed seed into train, dev and a held-apart test part, chooses the thresholds on dev, prints the figures
            for each part and writes the weights (default content/safety/crisis-model.bin). --cache keeps the corpus's
            sentence embeddings in a file between runs.
        rekindle safety measure [--model FILE] [--corpus DIR] [--cache FILE] [--sentences N] [--mistakes FILE]
            Measures the shipped (or given) model with today's reader on each part of the corpus, without retraining
            (--sentences: how many sentences of a long text the learned layer reads; the app reads 6).
        rekindle safety read [--model FILE] [--rules] [--ex] [--lines]
            Reads standard input as the app reads a text and prints level, kind and the sentence (--ex: words the ex sent;
            --lines: each line is a text of its own, one reading per line; --rules: the rules alone, without the model).
        """;

    public static async Task<int> RunAsync(string[] args, Stream input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h") || args[0] is not ("train" or "read" or "measure"))
        {
            await error.WriteLineAsync(Help);
            return args.Contains("--help") || args.Contains("-h") ? CommandLine.Ok : CommandLine.Usage;
        }

        string Option(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        if (args[0] == "read")
        {
            // --rules: the first layer alone, to see what the patterns catch without the model.
            var model = args.Contains("--rules") ? null : CrisisClassifier.Load(Option("--model", Path.Combine("content", "safety", "crisis-model.bin")));
            using var reader = new StreamReader(input);
            var text = await reader.ReadToEndAsync();
            var crisisReader = model is null ? CrisisReader.RulesOnly : new CrisisReader(MiniLmEmbedder.Shared, model);
            var voice = args.Contains("--ex") ? Voice.Ex : Voice.Own;
            var texts = args.Contains("--lines") ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text];
            foreach (var one in texts)
            {
                var reading = crisisReader.Read(one, voice);
                await output.WriteLineAsync($"{reading.Level.Id()}\t{reading.Kind?.Id() ?? "-"}\t{(reading.ByRule ? "rule" : "model")}\t{(texts.Length > 1 ? one : reading.Sentence)}");
            }

            return CommandLine.Ok;
        }

        var corpusDirectory = Option("--corpus", Path.Combine("content", "safety", "crisis-corpus"));
        var outFile = Option("--out", Path.Combine("content", "safety", "crisis-model.bin"));
        var reportFile = Option("--report", "");
        if (!Directory.Exists(corpusDirectory))
        {
            await error.WriteLineAsync($"rekindle: no corpus folder at {corpusDirectory}.");
            return CommandLine.Usage;
        }

        IReadOnlyList<CorpusExample> corpus;
        try
        {
            corpus = CrisisCorpus.LoadDirectory(corpusDirectory);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"rekindle: the corpus has problems:{Environment.NewLine}{e.Message}");
            return CommandLine.Usage;
        }

        var clock = Stopwatch.StartNew();
        var cache = Option("--cache", "");
        var remembering = cache.Length > 0 ? new RememberingEmbedder(MiniLmEmbedder.Shared, cache) : null;
        if (args[0] == "measure")
        {
            // --sentences N: how many sentences of a long text the learned layer reads (the app reads 6).
            var measured = new CrisisReader((ISentenceEmbedder?)remembering ?? MiniLmEmbedder.Shared, CrisisClassifier.Load(Option("--model", outFile)),
                int.Parse(Option("--sentences", "6"), CultureInfo.InvariantCulture));
            foreach (var part in new[] { CorpusPart.Train, CorpusPart.Dev, CorpusPart.Test })
            {
                await output.WriteLineAsync($"{part.ToString().ToLowerInvariant()}: {CrisisFigures.Measure(measured, corpus.Where(e => e.Part() == part)).Describe()}");
            }

            // The plain everyday negatives are easy: the false-alarm rate on the hard ones alone says more.
            var hard = CrisisFigures.Measure(measured, corpus.Where(e => e.Part() == CorpusPart.Test && e.Level == CrisisLevel.None && !e.Source.StartsWith("everyday-ordinary", StringComparison.Ordinal)));
            var plain = CrisisFigures.Measure(measured, corpus.Where(e => e.Part() == CorpusPart.Test && e.Level == CrisisLevel.None && e.Source.StartsWith("everyday-ordinary", StringComparison.Ordinal)));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"test negatives: hard ones alarmed {hard.FalseAlarmRate:0.000} ({hard.NoneAlarmed}/{hard.NoneExamples}), read as concern {hard.FalseConcernRate:0.000}; everyday ones alarmed {plain.FalseAlarmRate:0.000} ({plain.NoneAlarmed}/{plain.NoneExamples}), read as concern {plain.FalseConcernRate:0.000} ({plain.NoneConcerned}/{plain.NoneExamples})"));

            if (Option("--mistakes", "") is { Length: > 0 } measuredMistakes)
            {
                // The dev part's misreadings only: looking at the held-apart part's would tune to it.
                await WriteMistakesAsync(measuredMistakes, measured, corpus);
            }

            remembering?.Save();
            return CommandLine.Ok;
        }

        var options = new CrisisTrainingOptions();
        var search = Option("--search", "");
        if (search.Length > 0)
        {
            // hidden:decay:epochs:words:neighbours, comma-separated, e.g. 64:0.001:40:1:1,128:0.0005:60:0:1
            options = options with
            {
                Search = search.Split(',').Select(c => c.Split(':')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), float.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), p[3] == "1", p[4] == "1")).ToList(),
            };
        }

        var result = CrisisTraining.Train(corpus, (ISentenceEmbedder?)remembering ?? MiniLmEmbedder.Shared, options, log: line => error.WriteLine(line));
        remembering?.Save();
        await using (var file = File.Create(outFile))
        {
            result.Classifier.Save(file);
        }

        await output.WriteLineAsync($"train: {result.Train.Describe()}");
        await output.WriteLineAsync($"dev:   {result.Dev.Describe()}");
        await output.WriteLineAsync($"test:  {result.Test.Describe()}");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {outFile} in {clock.Elapsed.TotalSeconds:0} s"));
        var mistakesFile = Option("--mistakes", "");
        if (mistakesFile.Length > 0)
        {
            // The dev part's misreadings, for the team to study (never the held-apart part: looking at it would tune to it).
            await WriteMistakesAsync(mistakesFile, new CrisisReader((ISentenceEmbedder?)remembering ?? MiniLmEmbedder.Shared, result.Classifier), corpus);
        }

        if (reportFile.Length > 0)
        {
            await File.WriteAllTextAsync(reportFile, CrisisReport.Markdown(result, corpus));
        }

        return CommandLine.Ok;
    }

    /// <summary>The dev part's misreadings, one a line, for the team to study.</summary>
    private static async Task WriteMistakesAsync(string file, CrisisReader reader, IReadOnlyList<CorpusExample> corpus)
    {
        var mistakes = new List<(CorpusExample Example, CrisisReading Reading)>();
        CrisisFigures.Measure(reader, corpus.Where(e => e.Part() == CorpusPart.Dev), mistakes);
        var rules = CrisisFigures.Measure(CrisisReader.RulesOnly, corpus.Where(e => e.Part() == CorpusPart.Dev));
        await File.WriteAllLinesAsync(file, mistakes
            .Select(m => $"{m.Example.Level.Id()}/{m.Example.Kind?.Id() ?? "-"} -> {m.Reading.Level.Id()}/{m.Reading.Kind?.Id() ?? "-"} {(m.Reading.ByRule ? "RULE" : "model")} [{m.Reading.Sentence}] {m.Example.Text}")
            .Prepend($"rules alone on dev: {rules.Describe()}"));
    }
}
