namespace Rekindle.Core.Charts;

/// <summary>A text alternative for a chart, for the page to render as a &lt;table&gt; next to it.</summary>
/// <param name="Caption">The table caption.</param>
/// <param name="Columns">Column headers; the first column is the date (or period).</param>
/// <param name="Rows">One row per point, bar or period, oldest first.</param>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ChartTableRow> Rows)
{
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>One table row: its date (for sorting or linking) and the cell texts, already formatted.</summary>
public sealed record ChartTableRow(DateOnly Date, IReadOnlyList<string> Cells);

/// <summary>Whether each mark is a day or a week.</summary>
public enum ChartGranularity
{
    Daily,

    /// <summary>Monday-to-Sunday weeks, clipped to the range; used for ranges longer than <see cref="ChartRange.DailyLimitDays"/>.</summary>
    Weekly,
}

/// <summary>Rules shared by the charts about ranges and aggregation.</summary>
public static class ChartRange
{
    /// <summary>
    /// Up to this many days (about six months) a chart shows one mark per day; beyond it, one per week, which keeps a
    /// three-year chart near 160 marks and the SVG small.
    /// </summary>
    public const int DailyLimitDays = 183;

    /// <summary>The longest range a chart draws (five years).</summary>
    public const int MaxDays = 1830;

    public static ChartGranularity GranularityFor(DateOnly from, DateOnly to) =>
        DaysIn(from, to) <= DailyLimitDays ? ChartGranularity.Daily : ChartGranularity.Weekly;

    public static int DaysIn(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;

    internal static void Check(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it begins.", nameof(to));
        }

        if (DaysIn(from, to) > MaxDays)
        {
            throw new ArgumentException($"The range is longer than {MaxDays} days.", nameof(to));
        }
    }

    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Monday-to-Sunday weeks covering the range, each clipped to it.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Weeks(DateOnly from, DateOnly to)
    {
        for (var monday = WeekStart(from); monday <= to; monday = monday.AddDays(7))
        {
            var start = monday < from ? from : monday;
            var end = monday.AddDays(6) > to ? to : monday.AddDays(6);
            yield return (start, end);
        }
    }
}
