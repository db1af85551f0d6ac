using System.Globalization;
using System.Text;
using Rekindle.Core.Safety;

namespace Rekindle.Core.Coach;

/// <summary>A sentence the team wrote, with the category it carries (null: clean) and the file it came from.</summary>
public sealed record CoachSentence(FindingCategory? Category, string Text, string Source)
{
    /// <summary>Its part: a fixed function of its words and the seed. A draft is built only from sentences of one part.</summary>
    public CorpusPart Part => CoachCorpus.PartOf(Text);
}

/// <summary>A piece of a labelled draft: where the sentence is and what it carries (null: clean).</summary>
public sealed record LabelledSpan(int Start, int Length, FindingCategory? Category);

/// <summary>A labelled draft: stage, the verdict it should get, the categories it carries, its register and its sentences.</summary>
public sealed record CoachDraft(string Id, CorpusPart Part, CoachStage Stage, Verdict Verdict, IReadOnlyList<FindingCategory> Categories, string Register,
    IReadOnlyList<LabelledSpan> Spans, string Text)
{
    /// <summary>The categories that are warnings (or worse) at the draft's stage: what the coach must find.</summary>
    public IReadOnlyList<FindingCategory> Warnings => [.. Categories.Where(c => DraftCoach.SeverityFor(c, Stage) is Severity.Warning or Severity.Stop)];

    /// <summary>A clean draft: nothing in it is a warning at its stage.</summary>
    public bool IsClean => Warnings.Count == 0;
}

/// <summary>
/// The coach's corpus. The team writes sentences (content/coach/sentences/*.txt, one per line; the file name is the
/// category, "clean-*" files are clean); <see cref="Compose"/> builds labelled drafts from them for every stage and in
/// several registers, by a fixed seed, into content/coach/drafts.tsv. Sentences are split 60/20/20 into train, dev and
/// a held-apart test part by a hash of their words, and each draft is made of one part's sentences, so no test draft
/// shares a sentence with anything trained or tuned on.
/// </summary>
public static class CoachCorpus
{
    public const int Seed = 20261226;

    public static CorpusPart PartOf(string text)
    {
        var bucket = CrisisCorpus.Bucket(text, Seed);
        return bucket < 60 ? CorpusPart.Train : bucket < 80 ? CorpusPart.Dev : CorpusPart.Test;
    }

    public static IReadOnlyList<CoachSentence> LoadSentences(string directory)
    {
        var result = new List<CoachSentence>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            FindingCategory? category = name.StartsWith("clean", StringComparison.Ordinal) ? null
                : name == "talk" ? FindingCategory.RelationshipTalk
                : CoachIds.TryParseCategory(name, out var c) ? c
                : throw new InvalidDataException($"{file}: the file name is neither a category nor clean-*.");
            result.AddRange(File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => new CoachSentence(category, l, name)));
        }

        return result;
    }

    private static readonly (CoachStage Stage, int Weight)[] StageWeights =
    [
        (CoachStage.FirstContact, 20), (CoachStage.Reconnecting, 20), (CoachStage.Inviting, 10), (CoachStage.TheTalk, 12),
        (CoachStage.Together, 10), (CoachStage.LimitedContact, 10), (CoachStage.Boundary, 10), (CoachStage.NoContact, 8),
    ];

    /// <summary>The sentence files whose sentences fit a stage as its ordinary, clean content.</summary>
    private static bool Fits(CoachSentence sentence, CoachStage stage) => (sentence.Source, stage) switch
    {
        ("clean-logistics", CoachStage.LimitedContact or CoachStage.Boundary or CoachStage.Together or CoachStage.NoContact) => true,
        ("clean-hard", not CoachStage.Boundary) => true,
        ("clean-light", not (CoachStage.LimitedContact or CoachStage.Boundary)) => true,
        ("clean-invite", CoachStage.Inviting or CoachStage.Reconnecting or CoachStage.Together) => true,
        ("talk", CoachStage.TheTalk or CoachStage.Together) => true,
        ("relationship-talk" or "declaration" or "wellbeing-question", CoachStage.Together) => true,
        ("wellbeing-question", CoachStage.Reconnecting or CoachStage.Inviting) => true,
        _ => false,
    };

    private static readonly string[] Names = ["Sam", "Alex", "Jo", "Priya", "Tom", "Maya", "Chris", "Lena", "Dan", "Ruth"];

    /// <summary>Builds <paramref name="count"/> labelled drafts from the sentences, the same ones every time.</summary>
    public static IReadOnlyList<CoachDraft> Compose(IReadOnlyList<CoachSentence> sentences, int count = 1800)
    {
        var random = new Random(Seed);
        var drafts = new List<CoachDraft>();
        var byPart = sentences.GroupBy(s => s.Part).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attempts = 0;
        while (drafts.Count < count && attempts++ < count * 20)
        {
            var roll = random.Next(100);
            var part = roll < 55 ? CorpusPart.Train : roll < 75 ? CorpusPart.Dev : CorpusPart.Test;
            var pool = byPart[part];
            var stage = PickStage(random);
            var clean = pool.Where(s => Fits(s, stage)).ToList();
            var problems = pool.Where(s => s.Category is { } c && DraftCoach.SeverityFor(c, stage) is Severity.Warning).ToList();
            var register = random.Next(100) switch { < 45 => "plain", < 78 => "texting", < 90 => "long", _ => "formal" };
            var chosen = new List<CoachSentence>();
            var problemCount = random.Next(100) switch { < 38 => 0, < 75 => 1, < 92 => 2, _ => 3 };
            for (var i = 0; i < problemCount && problems.Count > 0; i++)
            {
                var candidate = problems[random.Next(problems.Count)];
                if (chosen.All(c => c.Category != candidate.Category))
                {
                    chosen.Add(candidate);
                }
            }

            var fillers = register == "long" ? random.Next(5, 10) : chosen.Count == 0 ? random.Next(1, 4) : random.Next(0, 3);
            for (var i = 0; i < fillers && clean.Count > 0; i++)
            {
                var candidate = clean[random.Next(clean.Count)];
                if (!chosen.Contains(candidate))
                {
                    chosen.Add(candidate);
                }
            }

            if (chosen.Count == 0)
            {
                continue;
            }

            // Shuffle, then write the draft out in its register, keeping where each sentence lands.
            for (var i = chosen.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (chosen[i], chosen[j]) = (chosen[j], chosen[i]);
            }

            var text = new StringBuilder();
            var spans = new List<LabelledSpan>();
            if (register == "formal" && stage != CoachStage.Boundary)
            {
                text.Append("Hi ").Append(Names[random.Next(Names.Length)]).Append(",\n");
            }

            var joiner = register == "texting" && random.Next(2) == 0 ? "\n" : " ";
            foreach (var sentence in chosen)
            {
                var words = register == "texting" ? Texting(sentence.Text) : sentence.Text;
                if (spans.Count > 0)
                {
                    text.Append(joiner);
                }

                spans.Add(new LabelledSpan(text.Length, words.Length, sentence.Category));
                text.Append(words);
            }

            var draft = text.ToString();
            if (!seen.Add(draft))
            {
                continue;
            }

            var categories = chosen.Where(s => s.Category is not null).Select(s => s.Category!.Value).Distinct().ToList();
            if (NormalizedText.From(draft).WordCount > DraftCoach.WordLimit(stage))
            {
                categories.Add(FindingCategory.Length);
            }

            categories.Sort();
            drafts.Add(new CoachDraft($"d{drafts.Count + 1:0000}", part, stage, DraftCoach.VerdictFor(stage, categories), categories, register, spans, draft));
        }

        return drafts;
    }

    private static CoachStage PickStage(Random random)
    {
        var roll = random.Next(StageWeights.Sum(s => s.Weight));
        foreach (var (stage, weight) in StageWeights)
        {
            if (roll < weight)
            {
                return stage;
            }

            roll -= weight;
        }

        return CoachStage.FirstContact;
    }

    /// <summary>The sentence as it is often typed: lower case, shorthand, no apostrophes, no full stop.</summary>
    public static string Texting(string sentence)
    {
        var words = sentence.ToLowerInvariant().TrimEnd('.').Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var trail = words[i].Length > 0 && char.IsPunctuation(words[i][^1]) && words[i][^1] != '\'' ? words[i][^1..] : "";
            var word = words[i][..^trail.Length];
            word = word switch
            {
                "you" => "u",
                "your" or "you're" => "ur",
                "are" => "r",
                "please" => "pls",
                "tonight" => "tonite",
                "because" => "cuz",
                "really" => "rly",
                "tomorrow" => "tmrw",
                _ => word.Replace("'", "", StringComparison.Ordinal),
            };
            words[i] = word + trail;
        }

        return string.Join(' ', words);
    }

    private const string Header = "id\tpart\tstage\tverdict\tcategories\tregister\tspans\ttext";

    public static void Write(TextWriter writer, IEnumerable<CoachDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var d in drafts)
        {
            var spans = string.Join(' ', d.Spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}:{s.Length}:{s.Category?.Id() ?? "clean"}")));
            writer.WriteLine(string.Join('\t', d.Id, d.Part.ToString().ToLowerInvariant(), d.Stage.Id(), d.Verdict.Id(),
                string.Join(',', d.Categories.Select(c => c.Id())), d.Register, spans, d.Text.Replace("\n", "\\n", StringComparison.Ordinal)));
        }
    }

    public static IReadOnlyList<CoachDraft> LoadDrafts(string path)
    {
        var result = new List<CoachDraft>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            if (f.Length != 8 || !CoachIds.TryParseStage(f[2], out var stage) || !Enum.TryParse<Verdict>(f[3], true, out var verdict)
                || !Enum.TryParse<CorpusPart>(f[1], true, out var part))
            {
                throw new InvalidDataException($"{path}: a line does not read: {line}");
            }

            var categories = f[4].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => CoachIds.TryParseCategory(c, out var category) ? category : throw new InvalidDataException($"{path}: unknown category {c}")).ToList();
            var spans = f[6].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':')).Select(p => new LabelledSpan(
                int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture),
                p[2] == "clean" ? null : CoachIds.TryParseCategory(p[2], out var c) ? c : throw new InvalidDataException($"{path}: unknown category {p[2]}"))).ToList();
            result.Add(new CoachDraft(f[0], part, stage, verdict, categories, f[5], spans, f[7].Replace("\\n", "\n", StringComparison.Ordinal)));
        }

        return result;
    }
}
