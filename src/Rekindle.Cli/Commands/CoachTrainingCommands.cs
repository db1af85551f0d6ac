using System.Diagnostics;
using System.Globalization;
using Rekindle.Core.Coach;
using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Cli.Commands;

/// <summary>`rekindle coach corpus|train|measure`: builds the coach's corpus, retrains its learned layer and measures it.</summary>
internal static class CoachTrainingCommands
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string Option(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        var sentencesDirectory = Option("--sentences", Path.Combine("content", "coach", "sentences"));
        var draftsFile = Option("--drafts", Path.Combine("content", "coach", "drafts.tsv"));
        var modelFile = Option(args[0] == "measure" ? "--model" : "--out", Path.Combine("content", "coach", "coach-model.bin"));
        if (!Directory.Exists(sentencesDirectory))
        {
            await error.WriteLineAsync($"rekindle: no sentences folder at {sentencesDirectory}.");
            return CommandLine.Usage;
        }

        IReadOnlyList<CoachSentence> sentences;
        try
        {
            sentences = CoachCorpus.LoadSentences(sentencesDirectory);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"rekindle: {e.Message}");
            return CommandLine.Usage;
        }

        if (args[0] == "corpus")
        {
            var composed = CoachCorpus.Compose(sentences);
            await using (var writer = new StreamWriter(Option("--out", draftsFile)))
            {
                CoachCorpus.Write(writer, composed);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{composed.Count} drafts from {sentences.Count} sentences: {composed.Count(d => d.IsClean)} clean; train {composed.Count(d => d.Part == CorpusPart.Train)}, dev {composed.Count(d => d.Part == CorpusPart.Dev)}, test {composed.Count(d => d.Part == CorpusPart.Test)}"));
            return CommandLine.Ok;
        }

        var drafts = CoachCorpus.LoadDrafts(draftsFile);
        var cache = Option("--cache", "");
        var remembering = cache.Length > 0 ? new RememberingEmbedder(MiniLmEmbedder.Shared, cache) : null;
        ISentenceEmbedder embedder = (ISentenceEmbedder?)remembering ?? MiniLmEmbedder.Shared;
        var clock = Stopwatch.StartNew();
        CoachReader reader;
        if (args[0] == "measure")
        {
            reader = new CoachReader(embedder, CoachClassifier.Load(modelFile), int.Parse(Option("--embedded", "4"), CultureInfo.InvariantCulture));
            foreach (var part in new[] { CorpusPart.Train, CorpusPart.Dev, CorpusPart.Test })
            {
                await output.WriteLineAsync($"{part.ToString().ToLowerInvariant(),-5}: {CoachFigures.Measure(d => reader.Analyze(d.Text, d.Stage, CrisisReading.None), drafts.Where(d => d.Part == part)).Describe()}");
                await output.WriteLineAsync($"       patterns alone: {CoachFigures.Measure(d => DraftCoach.Analyze(d.Text, d.Stage, CrisisReading.None), drafts.Where(d => d.Part == part)).Describe()}");
            }
        }
        else
        {
            var options = new CoachTrainingOptions(
                int.Parse(Option("--epochs", "40"), CultureInfo.InvariantCulture),
                float.Parse(Option("--rate", "0.05"), CultureInfo.InvariantCulture),
                float.Parse(Option("--decay", "0.0005"), CultureInfo.InvariantCulture),
                !args.Contains("--no-neighbours"),
                args.Contains("--refit"));
            var result = CoachTraining.Train(sentences, drafts, embedder, options, log: line => error.WriteLine(line));
            await using (var file = File.Create(modelFile))
            {
                result.Classifier.Save(file);
            }

            reader = new CoachReader(embedder, result.Classifier);
            await output.WriteLineAsync($"train: {result.Train.Describe()}");
            await output.WriteLineAsync($"dev:   {result.Dev.Describe()}");
            await output.WriteLineAsync($"test:  {result.Test.Describe()}");
            await output.WriteLineAsync($"patterns alone on dev: {result.PatternsOnlyDev.Describe()}");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"threshold {result.Classifier.Threshold:0.00}, neighbours' share {result.Classifier.NeighbourShare:0.0}, gate {result.Classifier.Gate?.Threshold:0.000}; wrote {modelFile} in {clock.Elapsed.TotalSeconds:0} s"));
        }

        var mistakesFile = Option("--mistakes", "");
        if (mistakesFile.Length > 0)
        {
            // The dev part's mistakes only: looking at the held-apart part would tune to it.
            var mistakes = new List<(CoachDraft Draft, DraftReport Report)>();
            CoachFigures.Measure(d => reader.Analyze(d.Text, d.Stage, CrisisReading.None), drafts.Where(d => d.Part == CorpusPart.Dev), mistakes);
            await File.WriteAllLinesAsync(mistakesFile, mistakes.Select(m =>
                $"{m.Draft.Id} {m.Draft.Stage.Id()} want {m.Draft.Verdict.Id()} [{string.Join(",", m.Draft.Warnings.Select(c => c.Id()))}] got {m.Report.Verdict.Id()} [{string.Join(",", m.Report.Findings.Where(f => f.Severity != Severity.Note).Select(f => (f.ByModel ? "m:" : "r:") + f.Category.Id()))}] {m.Draft.Text.Replace("\n", " / ", StringComparison.Ordinal)}"));
        }

        remembering?.Save();
        return CommandLine.Ok;
    }
}
