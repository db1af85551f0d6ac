using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Rekindle.Core.Safety;

namespace Rekindle.Web.Features.Safety;

/// <summary>
/// Helpers for the surfaces that save free text: reading a saved record again when it is opened (no new record of a
/// crisis, since nothing new was written), and carrying a reading across a post-redirect-get with the level and kind
/// only, never the words.
/// </summary>
public static class SafetyCarry
{
    public const string Key = "safety";

    /// <summary>Reads texts already saved, for showing them again: the help to show, without recording anything.</summary>
    public static async Task<SafetyView> ShowAsync(this SafetyNet safety, Guid userId, Voice voice, CancellationToken cancellationToken, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(safety);
        return await safety.ViewAsync(userId, safety.Read(voice, texts), cancellationToken);
    }

    /// <summary>Keeps the level and kind of a reading for the next page (nothing when there is nothing to show).</summary>
    public static void Carry(this ITempDataDictionary tempData, SafetyView view)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentNullException.ThrowIfNull(view);
        if (view.ShowsHelp)
        {
            tempData[Key] = view.Kind is null ? view.Level : $"{view.Level}:{view.Kind}";
        }
    }

    /// <summary>The help for a reading carried from the page that saved, or none.</summary>
    public static async Task<SafetyView> CarriedAsync(this SafetyNet safety, ITempDataDictionary tempData, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[Key] is not string carried)
        {
            return SafetyView.None;
        }

        var parts = carried.Split(':', 2);
        if (!CrisisIds.TryParseLevel(parts[0], out var level) || level == CrisisLevel.None)
        {
            return SafetyView.None;
        }

        CrisisKind? kind = parts.Length == 2 && CrisisIds.TryParseKind(parts[1], out var parsed) ? parsed : null;
        return await safety.ViewAsync(userId, new CrisisReading(level, kind, 0, 0, null, ByRule: false), cancellationToken);
    }
}
