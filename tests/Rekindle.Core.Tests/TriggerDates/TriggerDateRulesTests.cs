using Rekindle.Core.Reminders;
using Rekindle.Core.Tests.CheckIns;
using Rekindle.Core.Tests.Reminders;
using Rekindle.Core.Time;
using Rekindle.Core.TriggerDates;

namespace Rekindle.Core.Tests.TriggerDates;

public class TriggerDateRulesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static TriggerDateFacts Yearly(int month, int day, int year = 2019) => new(D(year, month, day), Yearly: true);

    [Fact]
    public void A_yearly_date_falls_on_its_month_and_day_this_year_or_next()
    {
        Assert.Equal(D(2026, 12, 10), TriggerDateRules.NextOccurrence(Yearly(12, 10), D(2026, 11, 2)));
        Assert.Equal(D(2026, 11, 2), TriggerDateRules.NextOccurrence(Yearly(11, 2), D(2026, 11, 2)));
        Assert.Equal(D(2027, 11, 1), TriggerDateRules.NextOccurrence(Yearly(11, 1), D(2026, 11, 2)));
        // The year it was entered with does not matter, past or future.
        Assert.Equal(D(2026, 12, 10), TriggerDateRules.NextOccurrence(Yearly(12, 10, year: 2031), D(2026, 11, 2)));
    }

    [Fact]
    public void The_29th_of_February_falls_on_the_28th_outside_a_leap_year_and_on_the_29th_in_one()
    {
        var leapDay = Yearly(2, 29, year: 2024);
        Assert.Equal(D(2027, 2, 28), TriggerDateRules.NextOccurrence(leapDay, D(2026, 11, 2)));
        Assert.Equal(D(2028, 2, 29), TriggerDateRules.NextOccurrence(leapDay, D(2027, 3, 1)));
        Assert.Equal(D(2028, 2, 29), TriggerDateRules.NextOccurrence(leapDay, D(2028, 2, 29)));
        // On 28 February of a leap year it is still a day away; on 1 March it is a year away.
        Assert.Equal(1, TriggerDateRules.Upcoming(leapDay, D(2028, 2, 28))!.DaysUntil);
        Assert.Equal(D(2029, 2, 28), TriggerDateRules.NextOccurrence(leapDay, D(2028, 3, 1)));
        Assert.Equal(0, TriggerDateRules.Upcoming(leapDay, D(2027, 2, 28))!.DaysUntil);
        // 28 February itself stays on the 28th in a leap year.
        Assert.Equal(D(2028, 2, 28), TriggerDateRules.NextOccurrence(Yearly(2, 28), D(2028, 1, 1)));
    }

    [Fact]
    public void A_one_off_date_falls_once_and_is_over_the_day_after()
    {
        var once = new TriggerDateFacts(D(2026, 12, 25), Yearly: false);
        Assert.Equal(D(2026, 12, 25), TriggerDateRules.NextOccurrence(once, D(2026, 12, 1)));
        Assert.Equal(D(2026, 12, 25), TriggerDateRules.NextOccurrence(once, D(2026, 12, 25)));
        Assert.Null(TriggerDateRules.NextOccurrence(once, D(2026, 12, 26)));
        Assert.Null(TriggerDateRules.Upcoming(once, D(2026, 12, 26)));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, 3)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(-1, null)]
    public void The_warning_shows_from_three_days_before_until_the_day_itself(int daysAhead, int? expected)
    {
        var today = D(2026, 11, 2);
        var facts = new TriggerDateFacts(today.AddDays(daysAhead), Yearly: false);
        Assert.Equal(expected, TriggerDateRules.Upcoming(facts, today)?.DaysUntil);
        Assert.Equal(expected == 0, TriggerDateRules.Upcoming(facts, today)?.IsToday ?? false);
    }

    [Fact]
    public void The_window_crosses_the_end_of_the_year()
    {
        var newYear = Yearly(1, 1);
        Assert.Equal(new UpcomingTriggerDate(D(2027, 1, 1), 2), TriggerDateRules.Upcoming(newYear, D(2026, 12, 30)));
        Assert.Null(TriggerDateRules.Upcoming(newYear, D(2026, 12, 28)));
    }

    [Fact]
    public void Today_is_the_users_own_day_so_the_warning_starts_at_their_midnight()
    {
        var anniversary = new TriggerDateFacts(D(2026, 11, 5), Yearly: false);
        // 23:30 UTC on 1 November is already 2 November in Auckland (UTC+13), and still 1 November in New York.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero));
        var auckland = LocalCalendar.Today(clock, Make.Zone("Pacific/Auckland"));
        var newYork = LocalCalendar.Today(clock, Make.Zone("America/New_York"));
        Assert.Equal(D(2026, 11, 2), auckland);
        Assert.Equal(D(2026, 11, 1), newYork);
        Assert.Equal(3, TriggerDateRules.Upcoming(anniversary, auckland)!.DaysUntil);
        Assert.Null(TriggerDateRules.Upcoming(anniversary, newYork));

        // On the day: the same instant is the day itself in Auckland and the day before in Honolulu.
        var onTheDay = new FixedClock(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));
        Assert.True(TriggerDateRules.Upcoming(anniversary, LocalCalendar.Today(onTheDay, Make.Zone("Pacific/Auckland")))!.IsToday);
        Assert.Equal(1, TriggerDateRules.Upcoming(anniversary, LocalCalendar.Today(onTheDay, Make.Zone("Pacific/Honolulu")))!.DaysUntil);
    }

    [Fact]
    public void The_checks_name_the_field_and_keep_to_page_string_keys()
    {
        var today = D(2026, 11, 2);
        Assert.Empty(TriggerDateRules.Check("Our anniversary", D(2019, 6, 1), yearly: true, today));
        Assert.Empty(TriggerDateRules.Check("First Christmas apart", D(2026, 12, 25), yearly: false, today));
        Assert.Equal([("Label", "trigger-dates.invalid.label-missing"), ("Date", "trigger-dates.invalid.date-missing")], TriggerDateRules.Check("  ", null, yearly: true, today));
        Assert.Equal([("Label", "trigger-dates.invalid.label-too-long")], TriggerDateRules.Check(new string('x', 81), today, yearly: false, today));
        Assert.Equal([("Date", "trigger-dates.invalid.date-past")], TriggerDateRules.Check("Gone", today.AddDays(-1), yearly: false, today));
        Assert.Equal([("Date", "trigger-dates.invalid.date-too-early")], TriggerDateRules.Check("Old", D(1899, 12, 31), yearly: true, today));
        Assert.Equal([("Date", "trigger-dates.invalid.date-too-far")], TriggerDateRules.Check("Far", today.AddYears(11), yearly: false, today));
        // A field that already failed to bind is not checked again.
        Assert.Empty(TriggerDateRules.Check("Fine", null, yearly: true, today, new HashSet<string> { "Date" }));
        Assert.Equal("our song on the radio", TriggerDateRules.Clean("  our song\r\non the radio "));
    }

    [Fact]
    public void The_calendar_holds_hard_days_with_a_discreet_title_a_warning_three_days_ahead_and_a_leap_day_rule()
    {
        var days = new[] { new HardDay("a1", D(2026, 12, 10), Yearly: true), new HardDay("b2", D(2027, 2, 28), Yearly: true, LeapDay: true), new HardDay("c3", D(2026, 12, 25), Yearly: false) };
        var generated = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        var ics = ReminderCalendar.Build(new ReminderFeed("user-1", Make.Zone("Europe/London"), null, [], generated, HardDays: days));
        var events = IcsComponent.Parse(ics).All("VEVENT").ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(ReminderCalendar.DiscreetTitle, e["SUMMARY"]));
        Assert.All(events, e => Assert.Equal("PRIVATE", e["CLASS"]));
        Assert.All(events, e => Assert.Equal(["-P3D", "PT9H"], e.All("VALARM").Select(a => a["TRIGGER"])));
        Assert.Equal(["20261210", "20261225", "20270228"], events.Select(e => e["DTSTART"]).Order());
        Assert.Equal("FREQ=YEARLY", events.Single(e => e["DTSTART"] == "20261210")["RRULE"]);
        Assert.Equal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", events.Single(e => e["DTSTART"] == "20270228")["RRULE"]);
        Assert.Null(events.Single(e => e["DTSTART"] == "20261225")["RRULE"]);
        Assert.Equal(3, events.Select(e => e["UID"]).Distinct().Count());

        // Detailed titles say it is a hard day, and still never what the day is.
        var detailed = ReminderCalendar.Build(new ReminderFeed("user-1", Make.Zone("Europe/London"), null, [], generated, DetailedTitles: true, HardDays: days));
        Assert.All(IcsComponent.Parse(detailed).All("VEVENT"), e => Assert.Equal(ReminderCalendar.HardDayTitle, e["SUMMARY"]));
        // The UID follows the record, so a changed date moves the event instead of leaving the old one behind.
        Assert.Equal(events.Single(e => e["DTSTART"] == "20261210")["UID"],
            IcsComponent.Parse(ReminderCalendar.Build(new ReminderFeed("user-1", Make.Zone("Europe/London"), null, [], generated, HardDays: [new HardDay("a1", D(2027, 1, 3), true)]))).All("VEVENT").Single()["UID"]);
    }
}
