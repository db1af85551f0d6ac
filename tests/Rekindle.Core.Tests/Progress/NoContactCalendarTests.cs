using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Progress;
using static Rekindle.Core.Progress.CalendarDayState;

namespace Rekindle.Core.Tests.Progress;

public class NoContactCalendarTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static CalendarDay On(IReadOnlyList<CalendarDay> days, DateOnly date) => Assert.Single(days, d => d.Date == date);

    [Fact]
    public void Counts_contact_free_days_from_the_start_with_milestones_marked()
    {
        var today = Start.AddDays(20);
        var days = NoContactCalendar.Build(Start, [], today, Start, today);

        Assert.Equal(21, days.Count);
        Assert.Equal(new CalendarDay(Start, ContactFree, 0), days[0]);
        Assert.Equal(new CalendarDay(Start.AddDays(7), Milestone, 7), On(days, Start.AddDays(7)));
        Assert.Equal(new CalendarDay(Start.AddDays(14), Milestone, 14), On(days, Start.AddDays(14)));
        Assert.Equal(new CalendarDay(today, Today, 20), days[^1]);
        Assert.Equal(2, days.Count(d => d.State == Milestone));
        Assert.Equal(Enumerable.Range(0, 21), days.Select(d => d.DaysWithoutContact!.Value));
    }

    [Fact]
    public void A_restart_sets_the_count_to_zero_and_milestones_follow_the_new_stretch()
    {
        var restart = Start.AddDays(10);
        var today = Start.AddDays(45);
        var days = NoContactCalendar.Build(Start, [restart, restart], today, Start, today);

        Assert.Equal(new CalendarDay(restart, Restart, 0), On(days, restart));
        Assert.Equal(1, On(days, restart.AddDays(1)).DaysWithoutContact);
        Assert.Equal(Milestone, On(days, Start.AddDays(7)).State);
        Assert.Equal(ContactFree, On(days, Start.AddDays(14)).State);
        Assert.Equal([Start.AddDays(7), restart.AddDays(7), restart.AddDays(14), restart.AddDays(21), restart.AddDays(30)],
            days.Where(d => d.State == Milestone).Select(d => d.Date));
        Assert.Single(days, d => d.State == Restart);
    }

    [Fact]
    public void A_restart_before_the_visible_range_still_sets_the_count()
    {
        var restart = Start.AddDays(5);
        var today = Start.AddDays(30);
        var days = NoContactCalendar.Build(Start, [restart], today, Start.AddDays(20), today);
        Assert.Equal(15, days[0].DaysWithoutContact);
        Assert.Equal(25, days[^1].DaysWithoutContact);
    }

    [Fact]
    public void Days_before_the_start_and_future_days_have_no_count()
    {
        var today = Start.AddDays(3);
        var days = NoContactCalendar.Build(Start, [Start.AddDays(-2), Start.AddDays(5)], today, Start.AddDays(-3), Start.AddDays(6));

        Assert.Equal(10, days.Count);
        Assert.All(days.Take(3), d => Assert.Equal(new CalendarDay(d.Date, BeforeStart, null), d));
        Assert.All(days.Skip(7), d => Assert.Equal(new CalendarDay(d.Date, Future, null), d));
        Assert.DoesNotContain(days, d => d.State == Restart); // restarts before the start or after today are ignored
        Assert.Equal(Today, On(days, today).State);
    }

    [Fact]
    public void Today_wins_over_a_restart_and_a_milestone()
    {
        Assert.Equal(new CalendarDay(Start.AddDays(7), Today, 7), NoContactCalendar.Build(Start, [], Start.AddDays(7), Start, Start.AddDays(7))[^1]);
        var restartToday = NoContactCalendar.Build(Start, [Start.AddDays(9)], Start.AddDays(9), Start, Start.AddDays(9));
        Assert.Equal(new CalendarDay(Start.AddDays(9), Today, 0), restartToday[^1]);
    }

    [Fact]
    public void Not_started_yet_shows_today_before_the_start()
    {
        var today = Start.AddDays(-2);
        var days = NoContactCalendar.Build(Start, [], today, today.AddDays(-1), Start.AddDays(1));
        Assert.Equal([BeforeStart, Today, Future, Future, Future], days.Select(d => d.State));
        Assert.All(days, d => Assert.Null(d.DaysWithoutContact));
    }

    [Fact]
    public void A_backwards_or_too_long_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NoContactCalendar.Build(Start, [], Start, Start, Start.AddDays(-1)));
        Assert.Throws<ArgumentException>(() => NoContactCalendar.Build(Start, [], Start, Start, Start.AddDays(NoContactCalendar.MaxDays)));
        Assert.Equal(NoContactCalendar.MaxDays, NoContactCalendar.Build(Start, [], Start, Start, Start.AddDays(NoContactCalendar.MaxDays - 1)).Count);
    }

    [Fact]
    public void The_default_range_runs_from_the_earlier_of_breakup_and_start_to_the_end_of_the_week()
    {
        var today = new DateOnly(2026, 11, 11); // a Wednesday
        var range = NoContactCalendar.DefaultRange(Start, today, breakupDate: Start.AddDays(-9));
        Assert.Equal(new CalendarRange(Start.AddDays(-9), new DateOnly(2026, 11, 15)), range);
        Assert.Equal(DayOfWeek.Sunday, range.To.DayOfWeek);

        // A breakup after the start is not earlier, so the start wins.
        Assert.Equal(Start, NoContactCalendar.DefaultRange(Start, today, Start.AddDays(3)).From);

        // On a Sunday the range ends today.
        var sunday = new DateOnly(2026, 11, 15);
        Assert.Equal(sunday, NoContactCalendar.DefaultRange(Start, sunday).To);
    }

    [Fact]
    public void The_default_range_is_at_most_the_last_365_days()
    {
        var today = Start.AddDays(1000);
        var range = NoContactCalendar.DefaultRange(Start, today);
        Assert.Equal(today.AddDays(-364), range.From);
        Assert.True(range.Days <= 365 + 6);

        // Not started yet: the range begins today.
        Assert.Equal(Start.AddDays(-5), NoContactCalendar.DefaultRange(Start, Start.AddDays(-5)).From);
    }

    [Property]
    public Property There_is_exactly_one_cell_per_day_in_range_in_order()
    {
        var gen =
            from fromOffset in Gen.Choose(-60, 60)
            from length in Gen.Choose(1, 500)
            from todayOffset in Gen.Choose(-30, 400)
            from restarts in Gen.Choose(-30, 400).ArrayOf()
            select (fromOffset, length, todayOffset, restarts);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var from = Start.AddDays(t.fromOffset);
            var to = from.AddDays(t.length - 1);
            var today = Start.AddDays(t.todayOffset);
            var days = NoContactCalendar.Build(Start, t.restarts.Select(r => Start.AddDays(r)), today, from, to);
            var counted = days.Where(d => d.DaysWithoutContact is not null).ToList();
            return days.Count == t.length
                && days.Select((d, i) => d.Date == from.AddDays(i)).All(x => x)
                && days.Count(d => d.State == Today) == (today >= from && today <= to ? 1 : 0)
                && days.All(d => (d.Date > today) == (d.State == Future))
                && days.All(d => d.DaysWithoutContact is null == (d.Date < Start || d.Date > today))
                && counted.All(d => d.DaysWithoutContact <= d.Date.DayNumber - Start.DayNumber)
                && counted.All(d => d.State != Restart || d.DaysWithoutContact == 0);
        });
    }
}
