namespace Rekindle.Core.Charts;

/// <summary>
/// Default colours, written as <c>fill</c>/<c>stroke</c> presentation attributes so the charts work without CSS.
/// Every mark has a class name too (see each chart), so a stylesheet can restyle them (dark mode, print):
/// presentation attributes lose to any CSS rule. Marks that carry meaning reach at least 3:1 against white
/// (WCAG 1.4.11), text at least 4.5:1 (WCAG 1.4.3); the tests check this.
/// </summary>
public static class ChartPalette
{
    public const string Text = "#333333";
    public const string Axis = "#757575";
    public const string GridLine = "#e3e3e3";

    public const string Mood = "#1f5fa8";
    public const string Average = "#9a4400";
    public const string Urges = "#6a3d9a";

    public const string ContactFree = "#2e7d32";
    public const string Milestone = "#1b5e20";
    public const string MilestoneMark = "#ffffff";
    public const string Restart = "#b45309";
    public const string Today = "#1f5fa8";
    public const string TodayOutline = "#1a1a1a";
    public const string EmptyCell = "#f2f2f2";
    public const string FutureCell = "#ffffff";
    public const string EmptyCellOutline = "#8c8c8c";

    /// <summary>The colours that carry meaning as marks (3:1 needed against white).</summary>
    public static IReadOnlyList<string> MarkColours { get; } =
        [Axis, Mood, Average, Urges, ContactFree, Milestone, Restart, Today, TodayOutline, EmptyCellOutline];
}
