using Rekindle.Core.Coach;
using Rekindle.Language;

namespace Rekindle.Cli.Commands;

/// <summary>The coach with the same learned layer the app uses (content/coach/coach-model.bin beside the command), loaded on first use.</summary>
internal static class CliCoachReader
{
    private static readonly Lazy<CoachReader> Reader = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "content", "coach", "coach-model.bin");
        return File.Exists(path) ? new CoachReader(MiniLmEmbedder.Shared, CoachClassifier.Load(path)) : CoachReader.PatternsOnly;
    });

    public static DraftReport Analyze(string text, CoachStage stage) => Reader.Value.Analyze(text, stage, CliCrisisReader.Read(text));
}
