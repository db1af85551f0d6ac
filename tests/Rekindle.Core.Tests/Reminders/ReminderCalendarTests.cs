using System.Text;
using Rekindle.Core.NoContact;
using Rekindle.Core.Reminders;
using Rekindle.Core.Tests.CheckIns;

namespace Rekindle.Core.Tests.Reminders;

public class ReminderCalendarTests
{
    private static readonly TimeZoneInfo NewYork = Make.Zone("America/New_York");
    private static readonly DateOnly Start = new(2026, 10, 1);

    // 03:00 UTC on Nov 2 is still Nov 1 (22:00) in New York.
    private static readonly DateTimeOffset Generated = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<MilestoneDate> MilestonesOn(DateOnly today, params DateOnly[] restarts) =>
        ReminderCalendar.UpcomingMilestones(Streak.Summarize(Start, restarts, today, 30));

    private static string Feed(TimeZoneInfo? zone = null, TimeOnly? at = null, IReadOnlyList<MilestoneDate>? milestones = null, DateTimeOffset? generated = null, string user = "user-1", bool detailed = true) =>
        ReminderCalendar.Build(new ReminderFeed(user, zone ?? NewYork, at, milestones ?? [], generated ?? Generated, detailed));

    [Fact]
    public void By_default_every_event_has_the_same_discreet_title_and_says_no_day_count()
    {
        var ics = ReminderCalendar.Build(new ReminderFeed("user-1", NewYork, new TimeOnly(20, 0), MilestonesOn(new DateOnly(2026, 10, 8)), Generated));
        var events = IcsComponent.Parse(ics).All("VEVENT").ToList();
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal("Rekindle reminder", e["SUMMARY"]));
        Assert.Equal("Rekindle reminder", Assert.Single(events[0].All("VALARM"))["DESCRIPTION"]);
        Assert.DoesNotContain("contact", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("check in", ics, StringComparison.OrdinalIgnoreCase);
        // The events stay apart by their UIDs, not their titles.
        Assert.Equal(6, events.Select(e => e["UID"]).Distinct().Count());
    }

    [Fact]
    public void The_file_uses_CRLF_and_no_line_is_longer_than_75_octets()
    {
        var ics = Feed(at: new TimeOnly(20, 0), milestones: MilestonesOn(new DateOnly(2026, 11, 1)));
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var lines = ics[..^2].Split("\r\n");
        Assert.All(lines, l =>
        {
            Assert.DoesNotContain('\n', l);
            Assert.DoesNotContain('\r', l);
            Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75);
        });
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Fact]
    public void The_calendar_has_the_required_properties()
    {
        var calendar = IcsComponent.Parse(Feed(at: new TimeOnly(20, 0)));
        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar["VERSION"]);
        Assert.Equal(ReminderCalendar.ProductId, calendar["PRODID"]);
        Assert.Equal("GREGORIAN", calendar["CALSCALE"]);
        Assert.Equal("PUBLISH", calendar["METHOD"]);
        Assert.All(calendar.All("VEVENT"), e =>
        {
            Assert.Equal("20261102T030000Z", e["DTSTAMP"]);
            Assert.EndsWith("@rekindle", e["UID"]);
            Assert.Equal("PRIVATE", e["CLASS"]);
            Assert.Null(e["DESCRIPTION"]); // nothing private in a calendar others may see
        });
    }

    [Fact]
    public void The_daily_reminder_starts_on_the_local_day_at_the_local_time_with_its_zone()
    {
        var calendar = IcsComponent.Parse(Feed(at: new TimeOnly(20, 15, 42)));
        var zone = Assert.Single(calendar.All("VTIMEZONE"));
        Assert.Equal("America/New_York", zone["TZID"]);

        var daily = Assert.Single(calendar.All("VEVENT"));
        Assert.Equal("TZID=America/New_York", daily.ParametersOf("DTSTART"));
        Assert.Equal("20261101T201500", daily["DTSTART"]); // Nov 1 local, seconds dropped
        Assert.Equal("FREQ=DAILY", daily["RRULE"]);
        Assert.Equal("PT10M", daily["DURATION"]);
        Assert.Equal(ReminderCalendar.CheckInTitle, daily["SUMMARY"]);
        Assert.Equal("DISPLAY", Assert.Single(daily.All("VALARM"))["ACTION"]);
    }

    [Fact]
    public void New_York_time_zone_has_the_US_rules()
    {
        var zone = Assert.Single(IcsComponent.Parse(Feed(at: new TimeOnly(20, 0))).All("VTIMEZONE"));
        var daylight = zone.All("DAYLIGHT").Single(d => d["RRULE"] is not null);
        var standard = zone.All("STANDARD").Single(d => d["RRULE"] is not null);
        Assert.Equal("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", daylight["RRULE"]);
        Assert.Equal(("-0500", "-0400"), (daylight["TZOFFSETFROM"], daylight["TZOFFSETTO"]));
        Assert.EndsWith("T020000", daylight["DTSTART"]);
        Assert.Equal("FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", standard["RRULE"]);
        Assert.Equal(("-0400", "-0500"), (standard["TZOFFSETFROM"], standard["TZOFFSETTO"]));
        Assert.EndsWith("T020000", standard["DTSTART"]);
    }

    public static TheoryData<string> Zones() =>
    [
        "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Jerusalem", "Asia/Tokyo", "Asia/Kolkata",
        "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/Dublin", "America/Santiago",
        "Africa/Casablanca", "Pacific/Apia", "America/St_Johns", "UTC",
    ];

    [Theory]
    [MemberData(nameof(Zones))]
    public void The_time_zone_gives_the_same_offsets_as_the_system_for_years(string id)
    {
        var tz = Make.Zone(id);
        var ics = Feed(zone: tz, at: new TimeOnly(9, 0), generated: new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var vtimezone = Assert.Single(IcsComponent.Parse(ics).All("VTIMEZONE"));
        var hasRule = vtimezone.Children.Any(c => c["RRULE"] is not null);

        // A yearly rule keeps going after the ten-year window; one-off changes are only checked inside it. The system
        // is only trusted up to 2037: after the tz database's explicit transitions, .NET reads POSIX rules with hours
        // of 24 or more (Jerusalem "M3.4.4/26", Santiago "M9.1.6/24") a day early, while the VTIMEZONE has them right.
        var lastYear = hasRule ? 2037 : 2033;
        var evaluator = new VTimeZoneEvaluator(vtimezone, lastYear);
        var mismatches = new List<string>();
        for (var at = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc); at.Year <= lastYear; at = at.AddMinutes(30))
        {
            var expected = tz.GetUtcOffset(at);
            var actual = evaluator.OffsetAt(at);
            if (expected != actual && mismatches.Count < 5)
            {
                mismatches.Add($"{at:u}: system {expected}, VTIMEZONE {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\n" + ics);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08T12:00:00Z", "02:30", "20260308T023000")]
    [InlineData("Europe/London", "2026-03-29T12:00:00Z", "01:30", "20260329T013000")]
    [InlineData("Australia/Sydney", "2026-10-04T00:00:00Z", "02:30", "20261004T023000")]
    public void A_daily_time_skipped_on_the_first_day_stays_a_wall_clock_time_in_the_zone(string id, string generated, string time, string expected)
    {
        // The first day is the spring-forward day and the time doesn't exist on it. The event keeps the wall-clock time
        // with its TZID (never a converted UTC time), so on every other day it is at that time; calendar apps resolve
        // the skipped day itself as RFC 5545 (3.3.5) says, with the offset from before the gap.
        var tz = Make.Zone(id);
        var calendar = IcsComponent.Parse(Feed(zone: tz, at: TimeOnly.Parse(time), generated: DateTimeOffset.Parse(generated)));
        var daily = Assert.Single(calendar.All("VEVENT"));
        Assert.Equal(expected, daily["DTSTART"]);
        Assert.Equal("TZID=" + id, daily.ParametersOf("DTSTART"));

        var evaluator = new VTimeZoneEvaluator(Assert.Single(calendar.All("VTIMEZONE")), 2030);
        var wall = DateTime.ParseExact(expected, "yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(tz.IsInvalidTime(wall));
        for (var day = 1; day <= 400; day += 37)
        {
            var later = wall.AddDays(day);
            if (tz.IsInvalidTime(later) || tz.IsAmbiguousTime(later))
            {
                continue; // the next year's spring-forward day (day 371 from New York's) is skipped again
            }

            var utc = DateTime.SpecifyKind(later - evaluator.OffsetAt(DateTime.SpecifyKind(later - tz.BaseUtcOffset, DateTimeKind.Utc)), DateTimeKind.Utc);
            Assert.Equal(later, TimeZoneInfo.ConvertTimeFromUtc(utc, tz));
        }
    }

    [Fact]
    public void A_Windows_zone_id_is_written_as_its_IANA_id()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Eastern Standard Time", out var eastern))
        {
            Assert.Fail("The Windows id could not be resolved on this machine.");
        }

        Assert.Equal("America/New_York", ReminderCalendar.ZoneId(eastern));
        Assert.Equal("Europe/London", ReminderCalendar.ZoneId(Make.Zone("Europe/London")));
    }

    [Fact]
    public void Milestones_are_all_day_events_on_their_local_dates()
    {
        var today = new DateOnly(2026, 10, 8); // day 7 of a stretch that began Oct 1
        var milestones = MilestonesOn(today);
        Assert.Equal([7, 14, 21, 30, 45], milestones.Select(m => m.Days));
        Assert.Equal([new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 22), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 15)], milestones.Select(m => m.Date));

        var events = IcsComponent.Parse(Feed(milestones: milestones)).All("VEVENT").ToList();
        Assert.Equal(5, events.Count);
        Assert.Empty(IcsComponent.Parse(Feed(milestones: milestones)).All("VTIMEZONE"));
        Assert.Equal("Rekindle: day 7 without contact", events[0]["SUMMARY"]);
        Assert.Equal("VALUE=DATE", events[0].ParametersOf("DTSTART"));
        Assert.Equal("20261008", events[0]["DTSTART"]);
        Assert.Equal("20261009", events[0]["DTEND"]);
        Assert.Equal("20261115", events[4]["DTSTART"]);
        Assert.Equal("20261116", events[4]["DTEND"]);
    }

    [Fact]
    public void Only_milestones_still_ahead_are_listed()
    {
        Assert.Equal([14, 21, 30, 45], MilestonesOn(new DateOnly(2026, 10, 9)).Select(m => m.Days));
        Assert.Equal([45], MilestonesOn(Start.AddDays(31)).Select(m => m.Days));
        Assert.Empty(MilestonesOn(Start.AddDays(46)));
    }

    [Fact]
    public void UIDs_stay_the_same_across_regenerations_and_a_milestone_moves_after_a_restart()
    {
        var before = IcsComponent.Parse(Feed(at: new TimeOnly(20, 0), milestones: MilestonesOn(Start.AddDays(3))));
        var restart = Start.AddDays(5);
        var later = Generated.AddDays(3);
        var after = IcsComponent.Parse(Feed(at: new TimeOnly(21, 0), milestones: MilestonesOn(Start.AddDays(6), restart), generated: later));

        var uidsBefore = before.All("VEVENT").ToDictionary(e => e["SUMMARY"]!, e => e["UID"]!);
        var uidsAfter = after.All("VEVENT").ToDictionary(e => e["SUMMARY"]!, e => e["UID"]!);
        Assert.Equal(uidsBefore, uidsAfter);
        Assert.Equal(uidsBefore.Count, uidsBefore.Values.Distinct().Count());

        var day14 = after.All("VEVENT").Single(e => e["SUMMARY"] == "Rekindle: day 14 without contact");
        Assert.Equal("20261020", day14["DTSTART"]); // restart Oct 6 + 14
        Assert.True(long.Parse(day14["SEQUENCE"]!) > long.Parse(before.All("VEVENT").First()["SEQUENCE"]!));
        Assert.Equal(ICalendarText.UtcDateTime(later), day14["DTSTAMP"]);
    }

    [Fact]
    public void Different_users_get_different_UIDs_that_do_not_reveal_the_key()
    {
        var a = ReminderCalendar.Uid("alice@example.com", "daily-check-in");
        var b = ReminderCalendar.Uid("bob@example.com", "daily-check-in");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("alice", a);
        Assert.Equal(a, ReminderCalendar.Uid("alice@example.com", "daily-check-in"));
        Assert.NotEqual(a, ReminderCalendar.Uid("alice@example.com", "milestone-7"));
        Assert.Matches("^[0-9a-f]{32}@rekindle$", a);
    }

    [Fact]
    public void A_feed_without_reminders_is_an_empty_but_valid_calendar()
    {
        var calendar = IcsComponent.Parse(Feed());
        Assert.Empty(calendar.Children);
        Assert.Equal("2.0", calendar["VERSION"]);
    }

    [Theory]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("odd:zone", "\"odd:zone\"")]
    [InlineData("a;b,\"c\"", "\"a;b,c\"")]
    public void Parameter_values_are_quoted_when_needed(string value, string expected) =>
        Assert.Equal(expected, ReminderCalendar.ParamValue(value));
}
