using System.Globalization;
using Rekindle.Core.Safety;

namespace Rekindle.Core.Coach;

/// <summary>
/// How the coach does on a set of labelled drafts. The corpus has no crisis drafts (those are the crisis reader's,
/// measured on its own corpus), so training and measuring read them with no crisis reading.
/// </summary>
public sealed record CoachFigures(int Drafts, int VerdictsRight, int Warnings, int WarningsFound, int CleanDrafts, int CleanWarned, int SpansRight)
{
    public double VerdictAccuracy => Drafts == 0 ? 0 : (double)VerdictsRight / Drafts;

    /// <summary>Of the (draft, category) warnings the labels carry, the share the coach found as a warning of that category.</summary>
    public double WarningRecall => Warnings == 0 ? 0 : (double)WarningsFound / Warnings;

    /// <summary>Of the warnings found, the share whose span touches the sentence that carries the category.</summary>
    public double SpanAccuracy => WarningsFound == 0 ? 0 : (double)SpansRight / WarningsFound;

    /// <summary>The share of clean drafts (nothing in them is a warning at their stage) that got a warning anyway.</summary>
    public double FalseWarningRate => CleanDrafts == 0 ? 0 : (double)CleanWarned / CleanDrafts;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Drafts} drafts: verdict accuracy {VerdictAccuracy:0.000}, warning recall {WarningRecall:0.000} ({WarningsFound}/{Warnings}, span on the right sentence {SpanAccuracy:0.000}), false warnings on clean drafts {FalseWarningRate:0.000} ({CleanWarned}/{CleanDrafts})");

    public static CoachFigures Measure(Func<CoachDraft, DraftReport> coach, IEnumerable<CoachDraft> drafts, List<(CoachDraft Draft, DraftReport Report)>? mistakes = null)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(drafts);
        int count = 0, right = 0, warnings = 0, found = 0, clean = 0, warned = 0, spans = 0;
        foreach (var draft in drafts)
        {
            var report = coach(draft);
            count++;
            var ok = report.Verdict == draft.Verdict;
            right += ok ? 1 : 0;
            var missed = false;
            foreach (var category in draft.Warnings)
            {
                warnings++;
                var hits = report.Findings.Where(f => f.Category == category && f.Severity != Severity.Note).ToList();
                if (hits.Count > 0)
                {
                    found++;
                    var labelled = draft.Spans.Where(s => s.Category == category).ToList();
                    if (labelled.Count == 0 || hits.Any(h => labelled.Any(s => h.Start < s.Start + s.Length && s.Start < h.Start + h.Length)))
                    {
                        spans++;
                    }
                }
                else
                {
                    missed = true;
                }
            }

            var falseWarning = false;
            if (draft.IsClean)
            {
                clean++;
                falseWarning = report.Findings.Any(f => f.Severity != Severity.Note);
                warned += falseWarning ? 1 : 0;
            }

            if (mistakes is not null && (!ok || missed || falseWarning))
            {
                mistakes.Add((draft, report));
            }
        }

        return new CoachFigures(count, right, warnings, found, clean, warned, spans);
    }
}

/// <param name="RefitOnDev">After the threshold is chosen on dev, train the shipped weights on train and dev together.</param>
public sealed record CoachTrainingOptions(int Epochs = 40, float LearningRate = 0.05f, float Decay = 0.0005f, bool Neighbours = true, bool RefitOnDev = false);

public sealed record CoachTrainingResult(CoachClassifier Classifier, CoachFigures Train, CoachFigures Dev, CoachFigures Test, CoachFigures PatternsOnlyDev);

/// <summary>
/// Trains the coach's learned layer on the train part's sentences (each as written and as texted), chooses the
/// threshold and the neighbours' share on the dev part's drafts (the dev figures are those of that train-only model),
/// then, when asked (--refit), refits the weights on train and dev together (tried: it raised false warnings on the test part, so the shipped model is the train-only one). The test part is only measured, never used for a choice.
/// </summary>
public static class CoachTraining
{
    public static CoachTrainingResult Train(IReadOnlyList<CoachSentence> sentences, IReadOnlyList<CoachDraft> drafts, ISentenceEmbedder embedder,
        CoachTrainingOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(embedder);
        options ??= new CoachTrainingOptions();
        log ??= _ => { };
        var k = CoachClassifier.Categories.Count;

        (List<string> Texts, List<ushort> Labels) Units(CorpusPart part)
        {
            var texts = new List<string>();
            var labels = new List<ushort>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var sentence in sentences.Where(s => s.Part == part))
            {
                var bit = sentence.Category is { } c && CoachClassifier.Categories.Contains(c) ? (ushort)(1 << IndexOf(c)) : (ushort)0;
                foreach (var variant in new[] { sentence.Text, CoachCorpus.Texting(sentence.Text) })
                {
                    foreach (var (start, length) in CoachReader.Sentences(variant))
                    {
                        var text = NormalizedText.From(variant.Substring(start, length)).Text.Trim();
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        if (seen.TryGetValue(text, out var at))
                        {
                            labels[at] |= bit;
                        }
                        else
                        {
                            seen[text] = texts.Count;
                            texts.Add(text);
                            labels.Add(bit);
                        }
                    }
                }
            }

            return (texts, labels);
        }

        var (trainTexts, trainLabels) = Units(CorpusPart.Train);
        var (devTexts, devLabels) = Units(CorpusPart.Dev);
        log($"embedding {trainTexts.Count} training sentences and {devTexts.Count} dev sentences");
        var trainVectors = embedder.Embed(trainTexts);
        var trainWords = trainTexts.Select(WordFeatures.Of).ToList();
        var inputs = embedder.Dimensions;
        var (weights, bias, wordWeights) = Fit(trainVectors, trainWords, trainLabels, inputs, options);
        var gate = TrainGate(trainWords, trainLabels, devTexts.Select(WordFeatures.Of).ToList(), devLabels);
        log(string.Create(CultureInfo.InvariantCulture, $"gate threshold {gate.Threshold:0.000}"));
        var neighbourVectors = options.Neighbours ? trainVectors.SelectMany(v => v).ToArray() : [];
        var neighbourLabels = options.Neighbours ? trainLabels.ToArray() : [];
        var classifier = new CoachClassifier(inputs, weights, bias, wordWeights, neighbourVectors, neighbourLabels, 0.5f, options.Neighbours ? 0.5f : 0f, gate);

        // Threshold and the neighbours' share: chosen on the dev drafts for verdicts and recall, with few false warnings.
        var dev = drafts.Where(d => d.Part == CorpusPart.Dev).ToList();
        var best = (Score: double.NegativeInfinity, Threshold: 0.5f, Share: 0.5f);
        foreach (var share in options.Neighbours ? new[] { 0.3f, 0.5f, 0.7f } : [0f])
        {
            foreach (var threshold in new[] { 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f })
            {
                var reader = new CoachReader(embedder, classifier.With(threshold, share, gate));
                var figures = CoachFigures.Measure(d => reader.Analyze(d.Text, d.Stage, CrisisReading.None), dev);
                var score = figures.VerdictAccuracy + figures.WarningRecall - (4 * Math.Max(0, figures.FalseWarningRate - 0.03));
                log(string.Create(CultureInfo.InvariantCulture, $"share {share:0.0} threshold {threshold:0.00}: {figures.Describe()}"));
                if (score > best.Score)
                {
                    best = (score, threshold, share);
                }
            }
        }

        classifier = classifier.With(best.Threshold, best.Share, gate);
        var devFigures = CoachFigures.Measure(d => new CoachReader(embedder, classifier).Analyze(d.Text, d.Stage, CrisisReading.None), dev);
        if (options.RefitOnDev)
        {
            // The choices made, the dev sentences join the training ones for the shipped weights and neighbours; the
            // test part still never takes part.
            var devVectors = embedder.Embed(devTexts);
            var allVectors = trainVectors.Concat(devVectors).ToList();
            var allWords = trainWords.Concat(devTexts.Select(WordFeatures.Of)).ToList();
            var allLabels = trainLabels.Concat(devLabels).ToList();
            var (w, b, ww) = Fit(allVectors, allWords, allLabels, inputs, options);
            classifier = new CoachClassifier(inputs, w, b, ww, options.Neighbours ? allVectors.SelectMany(v => v).ToArray() : [],
                options.Neighbours ? allLabels.ToArray() : [], best.Threshold, best.Share, gate);
            log($"refitted on {allVectors.Count} train and dev sentences");
        }

        var chosen = new CoachReader(embedder, classifier);
        CoachFigures Measure(CorpusPart part) => CoachFigures.Measure(d => chosen.Analyze(d.Text, d.Stage, CrisisReading.None), drafts.Where(d => d.Part == part));
        var patterns = CoachFigures.Measure(d => DraftCoach.Analyze(d.Text, d.Stage, CrisisReading.None), dev);
        return new CoachTrainingResult(classifier, Measure(CorpusPart.Train), devFigures, Measure(CorpusPart.Test), patterns);
    }

    /// <summary>One-vs-rest logistic regression over the scaled embedding and the hashed words, by stochastic gradient descent.</summary>
    private static (float[] Weights, float[] Bias, float[] WordWeights) Fit(IReadOnlyList<float[]> vectors, List<IReadOnlyList<int>> allWords, List<ushort> labels, int inputs, CoachTrainingOptions options)
    {
        var k = CoachClassifier.Categories.Count;
        var weights = new float[k * inputs];
        var bias = new float[k];
        var wordWeights = new float[k * CrisisClassifier.Buckets];
        var random = new Random(CoachCorpus.Seed);
        var order = Enumerable.Range(0, vectors.Count).ToArray();
        var positives = new int[k];
        foreach (var label in labels)
        {
            for (var c = 0; c < k; c++)
            {
                positives[c] += (label >> c) & 1;
            }
        }

        var positiveWeight = positives.Select(p => p == 0 ? 1f : MathF.Sqrt((vectors.Count - p) / (float)p)).ToArray();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate * (1 - (epoch / (float)options.Epochs * 0.8f));
            foreach (var i in order)
            {
                var e = vectors[i];
                var words = allWords[i];
                var scale = WordFeatures.Scale(Math.Max(1, words.Count));
                for (var c = 0; c < k; c++)
                {
                    var row = weights.AsSpan(c * inputs, inputs);
                    var wordRow = wordWeights.AsSpan(c * CrisisClassifier.Buckets, CrisisClassifier.Buckets);
                    var z = bias[c] + (CoachClassifier.InputScale * CrisisClassifier.Dot(row, e));
                    foreach (var w in words)
                    {
                        z += wordRow[w] * scale;
                    }

                    var y = (labels[i] >> c) & 1;
                    var p = 1f / (1f + MathF.Exp(-z));
                    var g = (p - y) * (y == 1 ? positiveWeight[c] : 1f);
                    for (var d = 0; d < inputs; d++)
                    {
                        row[d] -= rate * ((g * CoachClassifier.InputScale * e[d]) + (options.Decay * row[d]));
                    }

                    foreach (var w in words)
                    {
                        wordRow[w] -= rate * g * scale;
                    }

                    bias[c] -= rate * g;
                }
            }
        }

        return (weights, bias, wordWeights);
    }

    private static int IndexOf(FindingCategory category)
    {
        for (var i = 0; i < CoachClassifier.Categories.Count; i++)
        {
            if (CoachClassifier.Categories[i] == category)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A logistic score over words for "carries any category"; the threshold lets 99% of the dev part's flagged sentences through.</summary>
    private static WordGate TrainGate(List<IReadOnlyList<int>> words, List<ushort> labels, List<IReadOnlyList<int>> devWords, List<ushort> devLabels)
    {
        var weights = new float[CrisisClassifier.Buckets];
        var bias = 0f;
        var random = new Random(CoachCorpus.Seed + 1);
        var order = Enumerable.Range(0, words.Count).ToArray();
        for (var epoch = 0; epoch < 30; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var scale = WordFeatures.Scale(Math.Max(1, words[i].Count));
                var z = bias;
                foreach (var w in words[i])
                {
                    z += weights[w] * scale;
                }

                var y = labels[i] != 0 ? 1f : 0f;
                var g = (1f / (1f + MathF.Exp(-z))) - y;
                foreach (var w in words[i])
                {
                    weights[w] -= 0.2f * g * scale;
                }

                bias -= 0.2f * g;
            }
        }

        var gate = new WordGate(weights, bias, 0f);
        var scores = devWords.Select((w, i) => (Score: gate.Score(w), Positive: devLabels[i] != 0)).Where(s => s.Positive).Select(s => s.Score).Order().ToList();
        var threshold = scores.Count == 0 ? 0f : scores[(int)(scores.Count * 0.01)];
        return gate with { Threshold = Math.Min(threshold, 0.5f) };
    }
}
