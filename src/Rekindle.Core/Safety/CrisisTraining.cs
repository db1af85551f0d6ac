using System.Globalization;
using System.Text;

namespace Rekindle.Core.Safety;

/// <summary>How well the reader did on one part of the corpus.</summary>
public sealed record CrisisFigures(
    int CrisisExamples, int CrisisFound, int NoneExamples, int NoneAlarmed, int NoneConcerned,
    int ConcernExamples, int ConcernNoticed, int ConcernAlarmed, int KindRight)
{
    /// <summary>Crisis texts read as a crisis (any kind).</summary>
    public double CrisisRecall => Ratio(CrisisFound, CrisisExamples);

    /// <summary>Texts with nothing in them read as a crisis.</summary>
    public double FalseAlarmRate => Ratio(NoneAlarmed, NoneExamples);

    /// <summary>Texts with nothing in them read as a concern.</summary>
    public double FalseConcernRate => Ratio(NoneConcerned, NoneExamples);

    /// <summary>Concern texts read as concern or crisis.</summary>
    public double ConcernRecall => Ratio(ConcernNoticed, ConcernExamples);

    /// <summary>Concern texts raised all the way to a crisis.</summary>
    public double ConcernAsCrisisRate => Ratio(ConcernAlarmed, ConcernExamples);

    /// <summary>Of the crisis texts found, those given the right kind.</summary>
    public double KindAccuracy => Ratio(KindRight, CrisisFound);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public static CrisisFigures Measure(CrisisReader reader, IEnumerable<CorpusExample> examples, List<(CorpusExample Example, CrisisReading Reading)>? mistakes = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(examples);
        int crisis = 0, found = 0, none = 0, alarmed = 0, concerned = 0, concern = 0, noticed = 0, concernAlarmed = 0, kindRight = 0;
        foreach (var example in examples)
        {
            var reading = reader.Read(example.Text);
            var wrong = false;
            switch (example.Level)
            {
                case CrisisLevel.Crisis:
                    crisis++;
                    if (reading.IsCrisis)
                    {
                        found++;
                        kindRight += reading.Kind == example.Kind ? 1 : 0;
                        wrong = reading.Kind != example.Kind;
                    }
                    else
                    {
                        wrong = true;
                    }

                    break;
                case CrisisLevel.Concern:
                    concern++;
                    noticed += reading.Level >= CrisisLevel.Concern ? 1 : 0;
                    concernAlarmed += reading.IsCrisis ? 1 : 0;
                    wrong = reading.Level != CrisisLevel.Concern;
                    break;
                default:
                    none++;
                    alarmed += reading.IsCrisis ? 1 : 0;
                    concerned += reading.IsConcern ? 1 : 0;
                    wrong = reading.Level != CrisisLevel.None;
                    break;
            }

            if (wrong)
            {
                mistakes?.Add((example, reading));
            }
        }

        return new CrisisFigures(crisis, found, none, alarmed, concerned, concern, noticed, concernAlarmed, kindRight);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"crisis recall {CrisisRecall:0.000} ({CrisisFound}/{CrisisExamples}), false alarms on negatives {FalseAlarmRate:0.000} ({NoneAlarmed}/{NoneExamples}), " +
        $"negatives read as concern {FalseConcernRate:0.000} ({NoneConcerned}/{NoneExamples}), concern noticed {ConcernRecall:0.000} ({ConcernNoticed}/{ConcernExamples}), " +
        $"concern raised to crisis {ConcernAsCrisisRate:0.000} ({ConcernAlarmed}/{ConcernExamples}), right kind {KindAccuracy:0.000}");
}

/// <summary>Settings for <see cref="CrisisTraining"/>; the defaults are the ones the shipped model was trained with.</summary>
public sealed record CrisisTrainingOptions
{
    public int Hidden { get; init; } = 64;
    public int Epochs { get; init; } = 60;
    public int BatchSize { get; init; } = 32;
    public float LearningRate { get; init; } = 0.002f;
    public float WeightDecay { get; init; } = 0.0001f;

    /// <summary>Weight decay on the word features, kept stronger: a single word should never decide alone.</summary>
    public float WordDecay { get; init; } = 0.001f;

    /// <summary>The false-alarm rate on texts with nothing in them that the crisis threshold may reach on the dev part (the test allows 0.03).</summary>
    public double MaxFalseAlarms { get; init; } = 0.025;

    public int Seed { get; init; } = CrisisCorpus.Seed;

    /// <summary>How much of what the reader finds on dev the word gate may cost, as a share of the dev texts (0.001: one in a thousand).</summary>
    public double GateSlack { get; init; } = 0.001;

    /// <summary>Label smoothing: the network is taught a little doubt, so its probabilities are not all 0 or 1.</summary>
    public float Smoothing { get; init; } = 0.1f;

    /// <summary>The network sizes, weight decays and epoch counts tried; the dev part picks one.</summary>
    /// <remarks>Words: the hashed word features beside the embedding; Neighbours: the nearest training sentences vote.</remarks>
    public IReadOnlyList<(int Hidden, float Decay, int Epochs, bool Words, bool Neighbours)> Search { get; init; } =
        [(128, 0.0001f, 60, true, true)];
}

/// <summary>
/// Trains the learned layer from the corpus: embeds every sentence once, trains on the train part (short texts whole;
/// for a long text, the sentence the first round finds most telling, and every sentence of a text with nothing in it),
/// chooses the thresholds on the dev part, and measures the reader, both layers together, on each part.
/// </summary>
public static class CrisisTraining
{
    public sealed record Result(CrisisClassifier Classifier, CrisisFigures Train, CrisisFigures Dev, CrisisFigures Test, int TrainingRows);

    public static Result Train(IReadOnlyList<CorpusExample> corpus, ISentenceEmbedder embedder, CrisisTrainingOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(embedder);
        options ??= new CrisisTrainingOptions();
        var cached = new CachingEmbedder(embedder);
        var train = corpus.Where(e => e.Part(options.Seed) == CorpusPart.Train).ToList();
        var dev = corpus.Where(e => e.Part(options.Seed) == CorpusPart.Dev).ToList();
        var test = corpus.Where(e => e.Part(options.Seed) == CorpusPart.Test).ToList();
        log?.Invoke($"corpus: {corpus.Count} texts; train {train.Count}, dev {dev.Count}, test {test.Count}");

        // Every unit any example can produce, embedded once.
        var units = corpus.Distinct().ToDictionary(e => e, e => UnitsOf(e.Text));
        var allTexts = units.Values.SelectMany(u => u).Distinct(StringComparer.Ordinal).ToList();
        log?.Invoke($"embedding {allTexts.Count} sentences");
        cached.Preload(allTexts);

        // Round one: short texts whole, and every sentence of a text with nothing in it.
        var rows = new List<(float[] X, IReadOnlyList<int> W, int Y)>();
        foreach (var example in train)
        {
            var own = units[example];
            if (example.Text.Length <= 320 || own.Count == 1)
            {
                rows.Add((cached.Vector(own[^1]), WordFeatures.Of(own[^1]), example.Class));
            }

            if (example.Class == 0 && own.Count > 1)
            {
                rows.AddRange(own.Take(own.Count - (example.Text.Length <= 320 ? 1 : 0)).Select(u => (cached.Vector(u), WordFeatures.Of(u), 0)));
            }
        }

        var first = Fit(rows, embedder.Dimensions, options with { Hidden = 32, WeightDecay = 0.003f, Epochs = 25 }, 0.5f, 0.5f);

        // Round two: the most telling sentence of each longer text that has something in it.
        var added = 0;
        foreach (var example in train.Where(e => e.Class != 0 && units[e].Count > 1))
        {
            var best = units[example]
                .Select(u => (Unit: u, P: first.Probabilities(cached.Vector(u), u)))
                .OrderByDescending(x => example.Class == 1 ? x.P[1] : x.P[example.Class])
                .First();
            rows.Add((cached.Vector(best.Unit), WordFeatures.Of(best.Unit), example.Class));
            added++;
        }

        log?.Invoke($"training rows: {rows.Count} ({added} chosen sentences of longer texts)");

        // A small search over the network's size and regularization, judged on the dev part only.
        CrisisClassifier? model = null;
        var bestScore = double.MinValue;
        foreach (var (hidden, decay, epochs, words, neighbours) in options.Search)
        {
            var candidateRows = words ? rows : rows.Select(r => (r.X, (IReadOnlyList<int>)[], r.Y)).ToList();
            var candidate = Fit(candidateRows, embedder.Dimensions, options with { Hidden = hidden, WeightDecay = decay, Epochs = epochs }, 0.5f, 0.5f);
            if (neighbours)
            {
                candidate = candidate.WithNeighbours(rows.SelectMany(r => r.X).ToArray(), rows.Select(r => (byte)r.Y).ToArray());
            }

            var (crisisThreshold, concernThreshold, longThreshold) = ChooseThresholds(candidate, cached, dev, options);
            candidate = candidate.WithThresholds(crisisThreshold, concernThreshold, longThreshold);
            var figures = CrisisFigures.Measure(new CrisisReader(cached, candidate), dev);
            var score = figures.CrisisRecall - (3 * figures.FalseAlarmRate) + (0.2 * figures.ConcernRecall) - figures.FalseConcernRate;
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"hidden {hidden}, decay {decay}, epochs {epochs}, words {words}, neighbours {neighbours}: thresholds {crisisThreshold:0.00}/{longThreshold:0.00}/{concernThreshold:0.00}; dev {figures.Describe()}"));
            if (score > bestScore)
            {
                bestScore = score;
                model = candidate;
            }
        }

        if (model is null)
        {
            throw new InvalidOperationException("No candidate model was trained.");
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"chosen: hidden {model.Hidden}, thresholds: crisis {model.CrisisThreshold:0.000} (long texts {model.LongTextCrisisThreshold:0.000}), concern {model.ConcernThreshold:0.000}"));

        // The word gate in front: the highest threshold at which the reader still finds on dev what it found without it,
        // then the thresholds chosen again behind the gate (it drops some false alarms, so they may go lower).
        var gate = ChooseGate(FitGate(rows, options), model, cached, dev, options, log);
        model = model.WithGate(gate);
        var (gatedCrisis, gatedConcern, gatedLong) = ChooseThresholds(model, cached, dev, options);
        model = model.WithThresholds(gatedCrisis, gatedConcern, gatedLong);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"behind the gate: thresholds: crisis {model.CrisisThreshold:0.000} (long texts {model.LongTextCrisisThreshold:0.000}), concern {model.ConcernThreshold:0.000}"));

        var reader = new CrisisReader(cached, model);
        return new Result(model, CrisisFigures.Measure(reader, train), CrisisFigures.Measure(reader, dev), CrisisFigures.Measure(reader, test), rows.Count);
    }

    /// <summary>The strings the reader may embed for a text: its sentences, and for short texts the whole.</summary>
    private static List<string> UnitsOf(string text)
    {
        var segments = CrisisReader.Segment(text);
        var list = segments.Select(s => s.Normalized).ToList();
        if (segments.Count is > 1 and <= 4 && text.Length <= 320)
        {
            list.Add(string.Join(" ", segments.Select(s => s.Normalized)));
        }

        if (list.Count == 0)
        {
            list.Add(Coach.NormalizedText.From(text).Text);
        }

        return list;
    }

    private static (float Crisis, float Concern, float LongCrisis) ChooseThresholds(CrisisClassifier model, CachingEmbedder embedder, List<CorpusExample> dev, CrisisTrainingOptions options)
    {
        var probe = new CrisisReader(embedder, model.WithThresholds(2f, 2f)); // thresholds out of reach: read scores only
        var scored = dev.Select(e => (Example: e, Score: probe.Scores(e.Text))).ToList();
        var crisis = scored.Where(s => s.Example.Level == CrisisLevel.Crisis).ToList();
        var none = scored.Where(s => s.Example.Level == CrisisLevel.None).ToList();
        var concern = scored.Where(s => s.Example.Level == CrisisLevel.Concern).ToList();

        // Crisis: the most recall the dev part allows while false alarms on texts with nothing in them stay within
        // the limit, with a threshold for short texts and another for sentences inside long ones.
        var grid = Enumerable.Range(5, 91).Select(i => i / 100f).ToArray();
        float bestCrisis = 0.95f, bestLong = 0.95f;
        var bestRecall = -1.0;
        var bestFalse = 1.0;
        foreach (var t in grid)
        {
            foreach (var tl in grid.Where(x => x >= t))
            {
                bool Fires((bool Rule, float Crisis, float Concern, bool Long) score) => score.Rule || score.Crisis >= (score.Long ? tl : t);
                var recall = crisis.Count(s => Fires(s.Score)) / (double)Math.Max(1, crisis.Count);
                var falseAlarms = none.Count(s => Fires(s.Score)) / (double)Math.Max(1, none.Count);
                if (falseAlarms <= options.MaxFalseAlarms && (recall > bestRecall || (recall == bestRecall && falseAlarms < bestFalse)))
                {
                    bestRecall = recall;
                    bestFalse = falseAlarms;
                    bestCrisis = t;
                    bestLong = tl;
                }
            }
        }

        // Concern: noticed on concern texts against raised on texts with nothing, weighing a false concern double.
        float bestConcern = 0.5f;
        var bestScore = double.MinValue;
        for (var t = 0.95f; t >= 0.05f; t -= 0.01f)
        {
            var noticed = concern.Count(s => s.Score.Concern >= t || s.Score.Crisis >= (s.Score.Long ? bestLong : bestCrisis)) / (double)Math.Max(1, concern.Count);
            var raised = none.Count(s => s.Score.Concern >= t) / (double)Math.Max(1, none.Count);
            var value = noticed - (2 * raised);
            if (value > bestScore)
            {
                bestScore = value;
                bestConcern = t;
            }
        }

        return (bestCrisis, bestConcern, bestLong);
    }

    /// <summary>Logistic regression on the hashed words: anything worrying (concern or crisis of any kind) against nothing.</summary>
    private static WordGate FitGate(List<(float[] X, IReadOnlyList<int> W, int Y)> rows, CrisisTrainingOptions options)
    {
        var weights = new float[CrisisClassifier.Buckets];
        var bias = 0f;
        var positives = rows.Count(r => r.Y != 0);
        var positiveWeight = (rows.Count - positives) / (float)Math.Max(1, positives);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var m = new float[weights.Length + 1];
        var v = new float[weights.Length + 1];
        var step = 0;
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f, rate = 0.01f;
        for (var epoch = 0; epoch < 20; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (_, words, y) = rows[index];
                var gate = new WordGate(weights, bias, 0.5f);
                var target = y != 0 ? 1f : 0f;
                var d = (gate.Score(words) - target) * (y != 0 ? positiveWeight : 1f);
                var scale = WordFeatures.Scale(Math.Max(1, words.Count));
                step++;
                var correction1 = 1 - MathF.Pow(beta1, step);
                var correction2 = 1 - MathF.Pow(beta2, step);
                void Update(ref float parameter, int slot, float gradient)
                {
                    m[slot] = (beta1 * m[slot]) + ((1 - beta1) * gradient);
                    v[slot] = (beta2 * v[slot]) + ((1 - beta2) * gradient * gradient);
                    parameter -= rate * (m[slot] / correction1) / (MathF.Sqrt(v[slot] / correction2) + epsilon);
                }

                foreach (var w in words)
                {
                    Update(ref weights[w], w, (d * scale) + (options.WordDecay * weights[w]));
                }

                Update(ref bias, weights.Length, d);
            }
        }

        return new WordGate(weights, bias, 0.5f);
    }

    /// <summary>
    /// The gate's threshold: the highest on a grid at which the reader behind it finds on dev every crisis and every
    /// concern it finds without a gate, give or take one text in a thousand.
    /// </summary>
    private static WordGate? ChooseGate(WordGate gate, CrisisClassifier model, CachingEmbedder embedder, List<CorpusExample> dev, CrisisTrainingOptions options, Action<string>? log)
    {
        var open = CrisisFigures.Measure(new CrisisReader(embedder, model.WithGate(null)), dev);
        var slack = Math.Max(0, (int)Math.Floor(dev.Count * options.GateSlack));
        foreach (var threshold in new[] { 0.7f, 0.6f, 0.5f, 0.4f, 0.3f, 0.25f, 0.2f, 0.15f, 0.1f, 0.07f, 0.05f, 0.03f, 0.02f, 0.01f })
        {
            var candidate = gate with { Threshold = threshold };
            var gated = CrisisFigures.Measure(new CrisisReader(embedder, model.WithGate(candidate)), dev);
            var lost = (open.CrisisFound - gated.CrisisFound) + (open.ConcernNoticed - gated.ConcernNoticed);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"gate {threshold:0.00}: lost {lost} finding(s) on dev; {gated.Describe()}"));
            if (lost <= slack)
            {
                return candidate;
            }
        }

        log?.Invoke("no gate threshold keeps what the reader finds: every sentence is embedded");
        return null;
    }

    /// <summary>Mini-batch Adam on cross-entropy with class weights, one ReLU hidden layer. Deterministic for a seed.</summary>
    private static CrisisClassifier Fit(List<(float[] X, IReadOnlyList<int> W, int Y)> rows, int inputs, CrisisTrainingOptions options, float crisisThreshold, float concernThreshold)
    {
        var classes = CrisisClassifier.Classes.Count;
        var hidden = options.Hidden;
        var random = new Random(options.Seed);
        var w1 = new float[hidden * inputs];
        var b1 = new float[hidden];
        var w2 = new float[classes * hidden];
        var b2 = new float[classes];
        var ws = new float[classes * CrisisClassifier.Buckets];
        var scale1 = MathF.Sqrt(2f / inputs);
        var scale2 = MathF.Sqrt(2f / hidden);
        for (var i = 0; i < w1.Length; i++)
        {
            w1[i] = Gaussian(random) * scale1;
        }

        for (var i = 0; i < w2.Length; i++)
        {
            w2[i] = Gaussian(random) * scale2;
        }

        // Rarer classes weigh more (square root of the inverse frequency), so 300 threats count beside 1,500 negatives.
        var counts = new int[classes];
        foreach (var (_, _, y) in rows)
        {
            counts[y]++;
        }

        var classWeight = counts.Select(c => c == 0 ? 0f : MathF.Sqrt(rows.Count / (float)(classes * c))).ToArray();

        var parameters = new[] { w1, b1, w2, b2, ws };
        var m = parameters.Select(p => new float[p.Length]).ToArray();
        var v = parameters.Select(p => new float[p.Length]).ToArray();
        var grads = parameters.Select(p => new float[p.Length]).ToArray();
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var scaled = rows.Select(r => (r.X.Select(v => v * CrisisClassifier.InputScale).ToArray(), r.W, r.Y)).ToList();
        var step = 0;
        var h = new float[hidden];
        var o = new float[classes];
        var dh = new float[hidden];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate * (0.5f * (1 + MathF.Cos(MathF.PI * epoch / options.Epochs)));
            for (var at = 0; at < order.Length; at += options.BatchSize)
            {
                foreach (var g in grads)
                {
                    Array.Clear(g);
                }

                var batch = order.AsSpan(at, Math.Min(options.BatchSize, order.Length - at));
                foreach (var index in batch)
                {
                    var (x, words, y) = scaled[index];
                    var wordScale = WordFeatures.Scale(Math.Max(1, words.Count));
                    for (var j = 0; j < hidden; j++)
                    {
                        var s = b1[j] + CrisisClassifier.Dot(w1.AsSpan(j * inputs, inputs), x);
                        h[j] = s > 0 ? s : 0;
                    }

                    for (var c = 0; c < classes; c++)
                    {
                        o[c] = b2[c] + CrisisClassifier.Dot(w2.AsSpan(c * hidden, hidden), h);
                        foreach (var w in words)
                        {
                            o[c] += ws[(c * CrisisClassifier.Buckets) + w] * wordScale;
                        }
                    }

                    CrisisClassifier.Softmax(o);
                    var weight = classWeight[y] / batch.Length;
                    Array.Clear(dh);
                    for (var c = 0; c < classes; c++)
                    {
                        var target = (c == y ? 1 - options.Smoothing : 0) + (options.Smoothing / classes);
                        var d = (o[c] - target) * weight;
                        grads[3][c] += d;
                        foreach (var w in words)
                        {
                            grads[4][(c * CrisisClassifier.Buckets) + w] += d * wordScale;
                        }

                        for (var j = 0; j < hidden; j++)
                        {
                            grads[2][(c * hidden) + j] += d * h[j];
                            dh[j] += d * w2[(c * hidden) + j];
                        }
                    }

                    for (var j = 0; j < hidden; j++)
                    {
                        if (h[j] <= 0)
                        {
                            continue;
                        }

                        grads[1][j] += dh[j];
                        var row = grads[0].AsSpan(j * inputs, inputs);
                        for (var k = 0; k < inputs; k++)
                        {
                            row[k] += dh[j] * x[k];
                        }
                    }
                }

                step++;
                const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
                var correction1 = 1 - MathF.Pow(beta1, step);
                var correction2 = 1 - MathF.Pow(beta2, step);
                for (var p = 0; p < parameters.Length; p++)
                {
                    var decay = p is 0 or 2 ? options.WeightDecay : p == 4 ? options.WordDecay : 0f;
                    var param = parameters[p];
                    for (var k = 0; k < param.Length; k++)
                    {
                        var g = grads[p][k] + (decay * param[k]);
                        m[p][k] = (beta1 * m[p][k]) + ((1 - beta1) * g);
                        v[p][k] = (beta2 * v[p][k]) + ((1 - beta2) * g * g);
                        param[k] -= rate * (m[p][k] / correction1) / (MathF.Sqrt(v[p][k] / correction2) + epsilon);
                    }
                }
            }
        }

        return new CrisisClassifier(inputs, hidden, w1, b1, w2, b2, ws, crisisThreshold, concernThreshold);
    }

    private static float Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>Embeds each distinct sentence once, then answers from memory (training and measuring read the same sentences many times).</summary>
    private sealed class CachingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        private readonly Dictionary<string, float[]> vectors = new(StringComparer.Ordinal);

        public int Dimensions => inner.Dimensions;

        public void Preload(IReadOnlyList<string> texts)
        {
            var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
            for (var at = 0; at < missing.Count; at += 256)
            {
                var slice = missing.Skip(at).Take(256).ToList();
                var result = inner.Embed(slice);
                for (var i = 0; i < slice.Count; i++)
                {
                    vectors[slice[i]] = result[i];
                }
            }
        }

        public float[] Vector(string text)
        {
            if (!vectors.TryGetValue(text, out var vector))
            {
                Preload([text]);
                vector = vectors[text];
            }

            return vector;
        }

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => texts.Select(Vector).ToArray();
    }
}

/// <summary>A human-readable account of a training run, for docs/safety/crisis-reader.md.</summary>
public static class CrisisReport
{
    public static string Markdown(CrisisTraining.Result result, IReadOnlyList<CorpusExample> corpus)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(corpus);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| part | crisis recall | false alarms on negatives | negatives read as concern | concern noticed | concern raised to crisis | right kind |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, f) in new[] { ("train", result.Train), ("dev", result.Dev), ("**test (held apart)**", result.Test) })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {f.CrisisRecall:0.000} ({f.CrisisFound}/{f.CrisisExamples}) | {f.FalseAlarmRate:0.000} ({f.NoneAlarmed}/{f.NoneExamples}) | {f.FalseConcernRate:0.000} | {f.ConcernRecall:0.000} | {f.ConcernAsCrisisRate:0.000} | {f.KindAccuracy:0.000} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Thresholds: crisis {result.Classifier.CrisisThreshold:0.00} (a sentence inside a long text {result.Classifier.LongTextCrisisThreshold:0.00}), concern {result.Classifier.ConcernThreshold:0.00}; {result.TrainingRows} training rows; corpus {corpus.Count} texts " +
            $"({corpus.Count(e => e.Level == CrisisLevel.Crisis)} crisis, {corpus.Count(e => e.Level == CrisisLevel.Concern)} concern, {corpus.Count(e => e.Level == CrisisLevel.None)} none).");
        return text.ToString();
    }
}
