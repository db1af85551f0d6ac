using FsCheck;
using FsCheck.Xunit;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Progress;
using Rekindle.Core.Tests.CheckIns;

namespace Rekindle.Core.Tests.Progress;

public class WeeklyReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 14);

    /// <summary>Check-ins with these moods on today, yesterday, ... (this week) or from today-7 back (week before).</summary>
    private static IEnumerable<CheckIn> ThisWeek(params int[] moods) => moods.Select((m, i) => Make.CheckIn(Today.AddDays(-i), mood: m));

    private static IEnumerable<CheckIn> WeekBefore(params int[] moods) => moods.Select((m, i) => Make.CheckIn(Today.AddDays(-7 - i), mood: m));

    private static IEnumerable<UrgeEvent> Urges(int passed, int actedOn, int daysAgo = 0) =>
        Enumerable.Repeat(new UrgeEvent(Today.AddDays(-daysAgo), 5, UrgeOutcome.Passed), passed)
            .Concat(Enumerable.Repeat(new UrgeEvent(Today.AddDays(-daysAgo), 6, UrgeOutcome.Contacted), actedOn));

    [Fact]
    public void Mood_up_from_the_week_before_with_urges_that_passed()
    {
        // This week 6, 6, 5, 6, 6 = 5.8; the week before 4, 4, 4, 5, 4, 4, 4 = 4.142... shown 4.1.
        var report = WeeklyReport.Build(ThisWeek(6, 6, 5, 6, 6).Concat(WeekBefore(4, 4, 4, 5, 4, 4, 4)), Urges(2, 0), Today);

        Assert.Equal("Your mood averaged 5.8, up from 4.1; no urges noted in your check-ins; at the urge pause, two urges passed, none acted on.", report.Sentence);
        Assert.Equal(MoodDirection.Up, report.Direction);
        Assert.Equal(5, report.ThisWeek.CheckInDays);
        Assert.Equal(7, report.WeekBefore.CheckInDays);
        Assert.Equal(2, report.ThisWeek.UrgesPassed);
        Assert.Equal(Today.AddDays(-6), report.ThisWeek.From);
        Assert.Equal(Today.AddDays(-13), report.WeekBefore.From);
        Assert.Equal(Today.AddDays(-7), report.WeekBefore.To);
    }

    [Fact]
    public void Mood_down_and_singular_urge_acted_on()
    {
        var report = WeeklyReport.Build(ThisWeek(4, 4).Concat(WeekBefore(6)), Urges(0, 1), Today);
        Assert.Equal("Your mood averaged 4.0, down from 6.0; no urges noted in your check-ins; at the urge pause, one urge logged and acted on.", report.Sentence);
        Assert.Equal(MoodDirection.Down, report.Direction);
    }

    [Fact]
    public void The_same_mood_is_compared_as_shown_at_one_decimal()
    {
        var thisWeek = new[] { 5, 5, 5, 5, 5, 5, 5 }.Select((m, i) => Make.CheckIn(Today.AddDays(-i), mood: m)).ToList();
        var report = WeeklyReport.Build(thisWeek.Concat(WeekBefore(5, 5, 5, 5, 5)), Urges(1, 0), Today);
        Assert.Equal("Your mood averaged 5.0, the same as the week before; no urges noted in your check-ins; at the urge pause, one urge passed, none acted on.", report.Sentence);
        Assert.Equal(MoodDirection.Same, report.Direction);
    }

    [Fact]
    public void A_difference_hidden_by_rounding_is_the_same()
    {
        // This week 5.75 → "5.8"; the week before 5.8333 → "5.8".
        var report = WeeklyReport.Build(ThisWeek(6, 6, 6, 5).Concat(WeekBefore(6, 6, 6, 6, 6, 5)), [], Today);
        Assert.Equal(MoodDirection.Same, report.Direction);
        Assert.StartsWith("Your mood averaged 5.8, the same as the week before;", report.Sentence);
    }

    [Fact]
    public void No_previous_week_leaves_out_the_comparison()
    {
        var report = WeeklyReport.Build(ThisWeek(7, 8), [], Today);
        Assert.Equal("Your mood averaged 7.5; no urges noted in your check-ins.", report.Sentence);
        Assert.Equal(MoodDirection.Unknown, report.Direction);
        Assert.Null(report.WeekBefore.MoodAverage);
    }

    [Fact]
    public void One_check_in_says_so_instead_of_averaging()
    {
        var report = WeeklyReport.Build(ThisWeek(7).Concat(WeekBefore(4, 5)), [], Today);
        Assert.Equal("Your mood was 7 on the one day you checked in, up from 4.5; no urges noted in your check-ins.", report.Sentence);
    }

    [Fact]
    public void No_data_at_all_gives_a_gentle_starting_point()
    {
        var report = WeeklyReport.Build([], [], Today);
        Assert.Equal(WeeklyReport.NothingYet, report.Sentence);
        Assert.True(report.ThisWeek.IsEmpty);
        Assert.True(report.WeekBefore.IsEmpty);
        Assert.Equal(MoodDirection.Unknown, report.Direction);
    }

    [Fact]
    public void Data_older_than_two_weeks_does_not_count()
    {
        var report = WeeklyReport.Build([Make.CheckIn(Today.AddDays(-14), mood: 9)], [new UrgeEvent(Today.AddDays(-14), 5, UrgeOutcome.Passed)], Today);
        Assert.Equal(WeeklyReport.NothingYet, report.Sentence);
    }

    [Fact]
    public void No_check_ins_this_week_mentions_the_week_before()
    {
        var report = WeeklyReport.Build(WeekBefore(5, 6), Urges(3, 0), Today);
        Assert.Equal("No check-ins in the last seven days (the week before, your mood averaged 5.5); at the urge pause, three urges passed, none acted on.", report.Sentence);
    }

    [Fact]
    public void Urges_alone_still_make_a_sentence()
    {
        var report = WeeklyReport.Build([], Urges(0, 0).Append(new UrgeEvent(Today.AddDays(-3), 4, UrgeOutcome.Passed)), Today);
        Assert.Equal("No check-ins in the last seven days; at the urge pause, one urge passed, none acted on.", report.Sentence);
        Assert.False(report.ThisWeek.IsEmpty);
    }

    [Theory]
    [InlineData(1, 0, "one urge passed, none acted on")]
    [InlineData(2, 0, "two urges passed, none acted on")]
    [InlineData(12, 0, "12 urges passed, none acted on")]
    [InlineData(0, 1, "one urge logged and acted on")]
    [InlineData(0, 2, "two urges logged, both acted on")]
    [InlineData(0, 3, "three urges logged, all acted on")]
    [InlineData(1, 1, "one urge passed, one acted on")]
    [InlineData(4, 2, "four urges passed, two acted on")]
    [InlineData(0, 0, null)]
    public void Urge_counts_are_spelled_out_with_the_right_plural(int passed, int actedOn, string? expected)
    {
        var report = WeeklyReport.Build(ThisWeek(6, 6), Urges(passed, actedOn, daysAgo: 6).Concat(Urges(5, 5, daysAgo: 7)), Today);
        Assert.Equal(expected is null ? "Your mood averaged 6.0; no urges noted in your check-ins." : $"Your mood averaged 6.0; no urges noted in your check-ins; at the urge pause, {expected}.", report.Sentence);
        Assert.Equal(passed, report.ThisWeek.UrgesPassed);
        Assert.Equal(actedOn, report.ThisWeek.UrgesActedOn);
        Assert.Equal(passed + actedOn, report.ThisWeek.UrgesLogged);
        Assert.Equal(10, report.WeekBefore.UrgesLogged);
    }

    [Fact]
    public void Self_reported_urges_in_check_ins_are_summed_separately()
    {
        var checkIns = new[] { Make.CheckIn(Today, urges: 3, strongest: 4), Make.CheckIn(Today.AddDays(-1), urges: 2, strongest: 6) };
        var report = WeeklyReport.Build(checkIns, [], Today);
        Assert.Equal(5, report.ThisWeek.UrgesInCheckIns);
        Assert.Equal(0, report.ThisWeek.UrgesLogged);
    }
}

public class WeeklyReportAgreesWithTheChartTests
{
    private static readonly DateOnly Today = new(2026, 11, 14);

    [Fact]
    public void Urges_noted_in_check_ins_are_never_summed_up_as_no_urges()
    {
        // The issue's case: urges counted in the check-ins, none written out at the urge pause.
        var checkIns = new[] { Make.CheckIn(Today, urges: 3, strongest: 4), Make.CheckIn(Today.AddDays(-1), urges: 2, strongest: 6) };
        var report = WeeklyReport.Build(checkIns, [], Today);
        Assert.Equal("Your mood averaged 6.0; five urges noted in your check-ins.", report.Sentence);
    }

    [Property(MaxTest = 200)]
    public void The_summary_counts_the_same_urges_as_the_chart_bars(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var checkIns = Enumerable.Range(0, 14).Where(_ => random.Next(3) > 0)
            .Select(i => random.Next(4) is var n && n == 0 ? Make.CheckIn(Today.AddDays(-i), urges: 0) : Make.CheckIn(Today.AddDays(-i), urges: n * 3, strongest: n + 1))
            .ToList();
        var report = WeeklyReport.Build(checkIns, [], Today);
        var chart = Rekindle.Core.Charts.UrgeChart.Model(checkIns, Today.AddDays(-6), Today);
        Assert.Equal(chart.Bars.Sum(b => b.Count), report.ThisWeek.UrgesInCheckIns);
        var total = chart.Bars.Sum(b => b.Count);
        if (chart.IsEmpty)
        {
            Assert.DoesNotContain("noted in your check-ins", report.Sentence, StringComparison.Ordinal);
        }
        else if (total == 0)
        {
            Assert.Contains("no urges noted in your check-ins", report.Sentence, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"{Wording.Count(total, "urge", "urges")} noted in your check-ins", report.Sentence, StringComparison.Ordinal);
        }
    }
}

public class WordingTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(9, "nine")]
    [InlineData(10, "10")]
    [InlineData(-1, "-1")]
    public void Numbers_below_ten_are_spelled_out(int n, string expected) => Assert.Equal(expected, Wording.Number(n));

    [Theory]
    [InlineData(5.75, "5.8")]
    [InlineData(5.25, "5.3")]
    [InlineData(6, "6.0")]
    [InlineData(4.142857, "4.1")]
    public void One_decimal_rounds_half_away_from_zero(double value, string expected) => Assert.Equal(expected, Wording.OneDecimal(value));

    [Fact]
    public void Counts_and_dates_read_naturally()
    {
        Assert.Equal("one day", Wording.Count(1, "day", "days"));
        Assert.Equal("zero days", Wording.Count(0, "day", "days"));
        Assert.Equal("Nov 1, 2026", Wording.Date(new DateOnly(2026, 11, 1)));
        Assert.Equal("Nov 1", Wording.ShortDate(new DateOnly(2026, 11, 1)));
        Assert.Equal("Hello", Wording.Capitalize("hello"));
        Assert.Equal("", Wording.Capitalize(""));
    }
}
