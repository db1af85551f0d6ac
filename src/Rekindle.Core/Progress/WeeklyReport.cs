using System.Globalization;
using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Progress;

/// <summary>The numbers for one 7-day stretch.</summary>
/// <param name="From">First local day (inclusive).</param>
/// <param name="To">Last local day (inclusive).</param>
/// <param name="CheckInDays">Days with a check-in.</param>
/// <param name="MoodAverage">Mean mood over the days with a check-in, or null without any.</param>
/// <param name="UrgesPassed">Urges from the urge log that passed.</param>
/// <param name="UrgesActedOn">Urges from the urge log that ended in contact.</param>
/// <param name="UrgesInCheckIns">The urges noted in the check-ins: the sum of the urges chart's bars for these days.</param>
public sealed record WeekNumbers(
    DateOnly From,
    DateOnly To,
    int CheckInDays,
    double? MoodAverage,
    int UrgesPassed,
    int UrgesActedOn,
    int UrgesInCheckIns)
{
    public int UrgesLogged => UrgesPassed + UrgesActedOn;

    public bool IsEmpty => CheckInDays == 0 && UrgesLogged == 0;
}

/// <summary>Which way the mood average moved, compared at one decimal place (as shown).</summary>
public enum MoodDirection
{
    /// <summary>One of the two weeks has no check-in.</summary>
    Unknown,
    Up,
    Down,
    Same,
}

/// <summary>The last 7 local days against the 7 before, with a sentence built from the data.</summary>
public sealed record WeeklySummary(WeekNumbers ThisWeek, WeekNumbers WeekBefore, MoodDirection Direction, string Sentence);

/// <summary>Builds the weekly summary ("Your mood averaged 5.8, up from 4.1; two urges passed, none acted on.").</summary>
public static class WeeklyReport
{
    public const string NothingYet =
        "Nothing logged in the last two weeks yet. A quick check-in is a good place to start.";

    /// <param name="checkIns">Check-ins (any range; only the last 14 days are read).</param>
    /// <param name="urges">The urge log (any range; only the last 14 days are read).</param>
    /// <param name="today">The user's local today: "this week" is today and the six days before it.</param>
    public static WeeklySummary Build(IEnumerable<CheckIn> checkIns, IEnumerable<UrgeEvent> urges, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(urges);
        var byDate = CheckInRules.ByDate(checkIns);
        var urgeList = urges.ToList();

        var thisWeek = Numbers(byDate, urgeList, today.AddDays(-6), today);
        var weekBefore = Numbers(byDate, urgeList, today.AddDays(-13), today.AddDays(-7));
        var direction = DirectionOf(thisWeek.MoodAverage, weekBefore.MoodAverage);
        return new WeeklySummary(thisWeek, weekBefore, direction, Sentence(thisWeek, weekBefore, direction));
    }

    private static WeekNumbers Numbers(SortedDictionary<DateOnly, CheckIn> byDate, List<UrgeEvent> urges, DateOnly from, DateOnly to)
    {
        var days = byDate.Where(kv => kv.Key >= from && kv.Key <= to).Select(kv => kv.Value).ToList();
        var inWeek = urges.Where(u => u.Date >= from && u.Date <= to).ToList();
        return new WeekNumbers(
            from,
            to,
            days.Count,
            days.Count > 0 ? days.Average(c => c.Mood) : null,
            inWeek.Count(u => u.Outcome == UrgeOutcome.Passed),
            inWeek.Count(u => u.Outcome == UrgeOutcome.Contacted),
            // The same series the urges chart draws, so the sentence and the chart count the same urges.
            UrgeSeries.Build(days, from, to).Sum(d => d.Count));
    }

    private static MoodDirection DirectionOf(double? now, double? before)
    {
        if (now is not { } n || before is not { } b)
        {
            return MoodDirection.Unknown;
        }

        var shownNow = Math.Round(n, 1, MidpointRounding.AwayFromZero);
        var shownBefore = Math.Round(b, 1, MidpointRounding.AwayFromZero);
        return shownNow > shownBefore ? MoodDirection.Up : shownNow < shownBefore ? MoodDirection.Down : MoodDirection.Same;
    }

    private static string Sentence(WeekNumbers thisWeek, WeekNumbers weekBefore, MoodDirection direction)
    {
        if (thisWeek.IsEmpty && weekBefore.IsEmpty)
        {
            return NothingYet;
        }

        var urges = UrgePart(thisWeek);
        return Wording.Capitalize(urges is null ? $"{MoodPart(thisWeek, weekBefore, direction)}." : $"{MoodPart(thisWeek, weekBefore, direction)}; {urges}.");
    }

    private static string MoodPart(WeekNumbers thisWeek, WeekNumbers weekBefore, MoodDirection direction)
    {
        if (thisWeek.MoodAverage is not { } now)
        {
            return weekBefore.MoodAverage is { } earlier
                ? $"no check-ins in the last seven days (the week before, your mood averaged {Wording.OneDecimal(earlier)})"
                : "no check-ins in the last seven days";
        }

        // One check-in is one whole mood, not an average: "was 7", not "was 7.0".
        var lead = thisWeek.CheckInDays == 1
            ? $"your mood was {now.ToString("0", CultureInfo.InvariantCulture)} on the one day you checked in"
            : $"your mood averaged {Wording.OneDecimal(now)}";

        return direction switch
        {
            MoodDirection.Up => $"{lead}, up from {Wording.OneDecimal(weekBefore.MoodAverage!.Value)}",
            MoodDirection.Down => $"{lead}, down from {Wording.OneDecimal(weekBefore.MoodAverage!.Value)}",
            MoodDirection.Same => $"{lead}, the same as the week before",
            _ => lead,
        };
    }

    /// <summary>
    /// The urges noted in the check-ins (what the urges chart shows), then what happened at the urge pause (the
    /// urge log), each only when there is data for it: no check-in is unknown, not "no urges". Null with neither.
    /// </summary>
    private static string? UrgePart(WeekNumbers week)
    {
        string? noted = week.CheckInDays == 0 ? null
            : week.UrgesInCheckIns == 0 ? "no urges noted in your check-ins"
            : $"{Wording.Count(week.UrgesInCheckIns, "urge", "urges")} noted in your check-ins";
        string? paused = week.UrgesLogged == 0 ? null : $"at the urge pause, {LogPart(week.UrgesPassed, week.UrgesActedOn)}";
        return noted is null ? paused : paused is null ? noted : $"{noted}; {paused}";
    }

    private static string LogPart(int passed, int actedOn)
    {

        if (actedOn == 0)
        {
            return $"{Wording.Count(passed, "urge", "urges")} passed, none acted on";
        }

        if (passed == 0)
        {
            return actedOn switch
            {
                1 => "one urge logged and acted on",
                2 => "two urges logged, both acted on",
                _ => $"{Wording.Count(actedOn, "urge", "urges")} logged, all acted on",
            };
        }

        return $"{Wording.Count(passed, "urge", "urges")} passed, {Wording.Number(actedOn)} acted on";
    }
}
