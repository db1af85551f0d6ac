using System.Globalization;
using System.Text;

namespace Rekindle.Core.Safety;

/// <summary>Which part of the corpus an example belongs to. The test part is never trained or tuned on.</summary>
public enum CorpusPart
{
    Train,
    Dev,
    Test,
}

/// <summary>One labelled text the team wrote: a level, a kind (null for none) and the words.</summary>
public sealed record CorpusExample(CrisisLevel Level, CrisisKind? Kind, string Text, string Source)
{
    /// <summary>The classifier's class index (see <see cref="CrisisClassifier.Classes"/>).</summary>
    public int Class => Level switch
    {
        CrisisLevel.None => 0,
        CrisisLevel.Concern => 1,
        _ => 2 + (int)Kind!.Value,
    };

    /// <summary>The part this example falls in: a fixed function of its words and the seed, so a retrain splits the same way.</summary>
    public CorpusPart Part(int seed = CrisisCorpus.Seed)
    {
        var bucket = CrisisCorpus.Bucket(Text, seed);
        return bucket < 70 ? CorpusPart.Train : bucket < 85 ? CorpusPart.Dev : CorpusPart.Test;
    }
}

/// <summary>
/// The crisis corpus: tab-separated files (level, kind, text) under content/safety/crisis-corpus/, written by the
/// team. Split 70/15/15 into train, dev and a held-apart test part by a hash of each text with a fixed seed.
/// </summary>
public static class CrisisCorpus
{
    public const int Seed = 20261203;

    public static IReadOnlyList<CorpusExample> LoadDirectory(string directory)
    {
        var examples = new List<CorpusExample>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.tsv").OrderBy(p => p, StringComparer.Ordinal))
        {
            examples.AddRange(Parse(File.ReadAllText(path), Path.GetFileName(path), errors));
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }

        return examples;
    }

    public static IReadOnlyList<CorpusExample> Parse(string tsv, string source, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        ArgumentNullException.ThrowIfNull(errors);
        var examples = new List<CorpusExample>();
        var lines = tsv.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line.StartsWith("level\t", StringComparison.Ordinal)))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                errors.Add($"{source}:{i + 1}: expected level, kind and text separated by tabs");
                continue;
            }

            if (!CrisisIds.TryParseLevel(fields[0].Trim(), out var level))
            {
                errors.Add($"{source}:{i + 1}: unknown level '{fields[0]}'");
                continue;
            }

            CrisisKind? kind = null;
            var kindField = fields[1].Trim();
            if (level == CrisisLevel.Crisis)
            {
                if (!CrisisIds.TryParseKind(kindField, out var parsed))
                {
                    errors.Add($"{source}:{i + 1}: a crisis needs a kind, got '{kindField}'");
                    continue;
                }

                kind = parsed;
            }
            else if (level == CrisisLevel.Concern)
            {
                kind = CrisisKind.SelfHarm;
            }

            var text = fields[2].Trim();
            if (text.Length == 0)
            {
                errors.Add($"{source}:{i + 1}: empty text");
                continue;
            }

            examples.Add(new CorpusExample(level, kind, text, $"{source}:{i + 1}"));
        }

        return examples;
    }

    /// <summary>A number from 0 to 99 from the text's words (case and spacing ignored) and the seed: FNV-1a, stable across runs and machines.</summary>
    public static int Bucket(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = string.Join(' ', text.ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 2246822519u;
        hash ^= hash >> 13;
        return (int)(hash % 100);
    }
}
