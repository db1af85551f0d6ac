using Rekindle.Core.Safety;
using Rekindle.Language;

namespace Rekindle.Cli.Commands;

/// <summary>The same crisis reader the app uses (rules and the trained classifier shipped beside the command), loaded on first use.</summary>
internal static class CliCrisisReader
{
    private static readonly Lazy<CrisisReader> Reader = new(() =>
        new CrisisReader(MiniLmEmbedder.Shared, CrisisClassifier.Load(Path.Combine(AppContext.BaseDirectory, "content", "safety", "crisis-model.bin"))));

    public static CrisisReading Read(string text) => Reader.Value.Read(text);
}
