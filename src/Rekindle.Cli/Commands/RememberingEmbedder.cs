using System.Text;
using Rekindle.Core.Safety;

namespace Rekindle.Cli.Commands;

/// <summary>
/// Keeps every sentence's embedding in a file between training runs, so changing the classifier or the corpus
/// re-embeds only what is new. A cache of the team's own corpus, never of anything a user wrote.
/// </summary>
internal sealed class RememberingEmbedder(ISentenceEmbedder inner, string path) : ISentenceEmbedder
{
    private readonly Dictionary<string, float[]> known = Load(path, inner.Dimensions);

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !known.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var vectors = inner.Embed(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                known[missing[i]] = vectors[i];
            }
        }

        return texts.Select(t => known[t]).ToArray();
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Dimensions);
        writer.Write(known.Count);
        foreach (var (text, vector) in known)
        {
            writer.Write(text);
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    private static Dictionary<string, float[]> Load(string path, int dimensions)
    {
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return known;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadInt32() != dimensions)
        {
            return known;
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var vector = new float[dimensions];
            for (var k = 0; k < dimensions; k++)
            {
                vector[k] = reader.ReadSingle();
            }

            known[text] = vector;
        }

        return known;
    }
}
