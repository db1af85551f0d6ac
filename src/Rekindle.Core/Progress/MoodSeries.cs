using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Progress;

/// <summary>One day's mood with its trailing average.</summary>
/// <param name="Date">The local day.</param>
/// <param name="Mood">The mood logged that day, 1 to 10.</param>
/// <param name="TrailingAverage">
/// The mean mood over the 7 calendar days ending on <paramref name="Date"/> (that day and the six before it),
/// counting only days that have a check-in; null when fewer than <see cref="MoodSeries.MinimumPointsForAverage"/>
/// days in that window have one.
/// </param>
/// <param name="PointsInWindow">How many days in the 7-day window have a check-in (1 to 7).</param>
public sealed record MoodPoint(DateOnly Date, int Mood, double? TrailingAverage, int PointsInWindow);

/// <summary>
/// The mood series behind the mood chart. The trailing average runs over calendar days, not over the last seven
/// check-ins: a missing day is left out of the average (never counted as zero), and the average is only shown
/// when at least three of the seven days have a check-in, so one or two entries don't pose as a trend.
/// </summary>
public static class MoodSeries
{
    public const int WindowDays = 7;
    public const int MinimumPointsForAverage = 3;

    /// <summary>
    /// The points for the days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have a check-in.
    /// Check-ins before <paramref name="from"/> still feed the average of the first days in the range. If two
    /// check-ins share a date, the later one in the sequence wins.
    /// </summary>
    public static IReadOnlyList<MoodPoint> Build(IEnumerable<CheckIn> checkIns, DateOnly from, DateOnly to)
    {
        var byDate = CheckInRules.ByDate(checkIns);
        var points = new List<MoodPoint>();
        foreach (var (date, checkIn) in byDate)
        {
            if (date < from || date > to)
            {
                continue;
            }

            var window = Window(byDate, date);
            points.Add(new MoodPoint(date, checkIn.Mood, AverageOf(window), window.Count));
        }

        return points;
    }

    /// <summary>The trailing average for <paramref name="day"/> from a mood per date, whether or not that day has a mood.</summary>
    public static double? TrailingAverage(IReadOnlyDictionary<DateOnly, int> moodByDate, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(moodByDate);
        var window = new List<int>(WindowDays);
        for (var d = day.AddDays(-(WindowDays - 1)); d <= day; d = d.AddDays(1))
        {
            if (moodByDate.TryGetValue(d, out var mood))
            {
                window.Add(mood);
            }
        }

        return AverageOf(window);
    }

    private static List<int> Window(SortedDictionary<DateOnly, CheckIn> byDate, DateOnly day)
    {
        var window = new List<int>(WindowDays);
        for (var d = day.AddDays(-(WindowDays - 1)); d <= day; d = d.AddDays(1))
        {
            if (byDate.TryGetValue(d, out var checkIn))
            {
                window.Add(checkIn.Mood);
            }
        }

        return window;
    }

    private static double? AverageOf(List<int> window) =>
        window.Count >= MinimumPointsForAverage ? window.Average() : null;
}
