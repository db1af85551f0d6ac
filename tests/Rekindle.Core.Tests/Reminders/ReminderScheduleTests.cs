using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Reminders;
using Rekindle.Core.Tests.CheckIns;
using Rekindle.Core.Time;

namespace Rekindle.Core.Tests.Reminders;

public class ReminderScheduleTests
{
    private static readonly TimeZoneInfo NewYork = Make.Zone("America/New_York");
    private static readonly TimeZoneInfo London = Make.Zone("Europe/London");
    private static readonly TimeZoneInfo Sydney = Make.Zone("Australia/Sydney");

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Theory]
    // New York: spring forward on Mar 8 2026 (02:00 → 03:00), fall back on Nov 1 2026 (02:00 → 01:00).
    [InlineData("America/New_York", "2026-03-07", "20:00", "2026-03-08T01:00", false)]
    [InlineData("America/New_York", "2026-03-08", "20:00", "2026-03-09T00:00", false)]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00", true)]
    [InlineData("America/New_York", "2026-03-08", "01:59", "2026-03-08T06:59", false)]
    [InlineData("America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00", false)]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30", false)]
    [InlineData("America/New_York", "2026-11-01", "02:30", "2026-11-01T07:30", false)]
    [InlineData("America/New_York", "2026-10-31", "20:00", "2026-11-01T00:00", false)]
    [InlineData("America/New_York", "2026-11-01", "20:00", "2026-11-02T01:00", false)]
    // London: Mar 29 2026 (01:00 → 02:00), Oct 25 2026 (02:00 → 01:00).
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00", true)]
    [InlineData("Europe/London", "2026-03-29", "08:00", "2026-03-29T07:00", false)]
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30", false)]
    [InlineData("Europe/London", "2026-10-25", "08:00", "2026-10-25T08:00", false)]
    // Sydney: daylight time ends Apr 5 2026 (03:00 → 02:00) and starts Oct 4 2026 (02:00 → 03:00).
    [InlineData("Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30", false)]
    [InlineData("Australia/Sydney", "2026-04-05", "20:00", "2026-04-05T10:00", false)]
    [InlineData("Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00", true)]
    [InlineData("Australia/Sydney", "2026-10-04", "20:00", "2026-10-04T09:00", false)]
    public void A_day_s_reminder_is_at_the_local_time_across_daylight_saving_changes(string zone, string date, string time, string expectedUtc, bool shifted)
    {
        var occurrence = ReminderSchedule.On(DateOnly.Parse(date), TimeOnly.Parse(time), Make.Zone(zone));
        Assert.NotNull(occurrence);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc + "Z"), occurrence.SendAt);
        Assert.Equal(TimeSpan.Zero, occurrence.SendAt.Offset);
        Assert.Equal(shifted, occurrence.Shifted);
        Assert.Equal(DateOnly.Parse(date), occurrence.LocalDate);
    }

    [Fact]
    public void Seconds_in_the_chosen_time_are_ignored() =>
        Assert.Equal(Utc(2026, 6, 2, 0, 15), ReminderSchedule.On(new DateOnly(2026, 6, 1), new TimeOnly(20, 15, 59), NewYork)!.SendAt);

    [Fact]
    public void A_day_that_never_happened_gets_no_reminder()
    {
        // Samoa moved across the date line: 29 December 2011 was followed by 31 December.
        var apia = Make.Zone("Pacific/Apia");
        Assert.Null(ReminderSchedule.On(new DateOnly(2011, 12, 30), new TimeOnly(9, 0), apia));
        Assert.NotNull(ReminderSchedule.On(new DateOnly(2011, 12, 29), new TimeOnly(9, 0), apia));
        Assert.NotNull(ReminderSchedule.On(new DateOnly(2011, 12, 31), new TimeOnly(9, 0), apia));

        var next = ReminderSchedule.Next(apia, new TimeOnly(9, 0), Utc(2011, 12, 29, 12), new DateOnly(2011, 12, 29));
        Assert.Equal(new DateOnly(2011, 12, 31), next.LocalDate);
    }

    [Fact]
    public void Next_is_today_before_the_time_and_tomorrow_after_it()
    {
        var at = new TimeOnly(20, 0);
        Assert.Equal(new DateOnly(2026, 6, 1), ReminderSchedule.Next(NewYork, at, Utc(2026, 6, 1, 23, 59), null).LocalDate);
        Assert.Equal(new DateOnly(2026, 6, 2), ReminderSchedule.Next(NewYork, at, Utc(2026, 6, 2, 0, 0), null).LocalDate);
        Assert.Equal(new DateOnly(2026, 6, 2), ReminderSchedule.Next(NewYork, at, Utc(2026, 6, 1, 12), new DateOnly(2026, 6, 1)).LocalDate);
    }

    /// <summary>Zones, reminder times, and how many days in 2026 that time does not exist (clocks jump past it).</summary>
    public static TheoryData<string, string, int> ZonesAndTimes() => new()
    {
        { "America/New_York", "02:30", 1 }, { "America/New_York", "01:30", 0 }, { "America/New_York", "20:00", 0 }, { "America/New_York", "00:00", 0 },
        { "Europe/London", "01:30", 1 }, { "Europe/London", "07:45", 0 },
        { "Australia/Sydney", "02:30", 1 }, { "Australia/Sydney", "23:59", 0 },
        { "Australia/Lord_Howe", "02:15", 1 }, { "Pacific/Chatham", "02:45", 1 },
    };

    [Theory]
    [MemberData(nameof(ZonesAndTimes))]
    public void Following_next_through_a_year_gives_one_reminder_per_local_day(string zoneId, string time, int skippedTimes)
    {
        var zone = Make.Zone(zoneId);
        var at = TimeOnly.Parse(time);
        var now = Utc(2026, 1, 1, 0);
        DateOnly? last = null;
        var sent = new List<ReminderOccurrence>();
        while (sent.Count < 366)
        {
            var next = ReminderSchedule.Next(zone, at, now, last);
            Assert.True(next.SendAt > now);
            sent.Add(next);
            now = next.SendAt;
            last = next.LocalDate;
        }

        AssertOnePerDay(sent, zone, at);
        Assert.Equal(skippedTimes, sent.Count(o => o.Shifted && o.LocalDate.Year == 2026));
    }

    [Theory]
    [MemberData(nameof(ZonesAndTimes))]
    public void A_job_polling_every_five_minutes_sends_exactly_one_reminder_per_day_around_the_changes(string zoneId, string time, int skippedTimes)
    {
        var zone = Make.Zone(zoneId);
        var at = TimeOnly.Parse(time);
        var allShifted = 0;
        foreach (var (from, to) in new[] { (Utc(2026, 3, 1, 0), Utc(2026, 4, 10, 0)), (Utc(2026, 9, 24, 0), Utc(2026, 11, 5, 0)) })
        {
            var sent = Poll(from, to, _ => zone, at, TimeSpan.FromMinutes(5));
            Assert.All(sent, d => Assert.InRange(d.DeliveredAt - d.SendAt, TimeSpan.Zero, TimeSpan.FromMinutes(5)));
            AssertOnePerDay(sent.Select(d => new ReminderOccurrence(d.LocalDate, d.SendAt, d.Shifted)).ToList(), zone, at);
            Assert.InRange(sent.Count, 38, 42);
            allShifted += sent.Count(d => d.Shifted);
        }

        Assert.Equal(skippedTimes, allShifted);
    }

    [Fact]
    public void Travelling_east_or_west_neither_doubles_nor_skips_a_day()
    {
        var tokyo = Make.Zone("Asia/Tokyo");
        var losAngeles = Make.Zone("America/Los_Angeles");
        var auckland = Make.Zone("Pacific/Auckland");
        var honolulu = Make.Zone("Pacific/Honolulu");
        var at = new TimeOnly(20, 0);

        // For landings at every third hour of the day, a job polls Due every ten minutes across the trip. Every time the
        // user's own clock (in the zone they are in at that moment) shows 20:00, that local day gets its reminder, and no
        // local day gets two. A day whose 20:00 the user never lived through (flying east past it) has nothing to send.
        var trips = new List<(TimeZoneInfo From, TimeZoneInfo To)> { (NewYork, tokyo), (tokyo, NewYork), (losAngeles, London), (London, losAngeles), (honolulu, auckland), (auckland, honolulu), (Sydney, London) };
        foreach (var (first, second) in trips)
        {
            for (var hour = 0; hour < 24; hour += 3)
            {
                var change = Utc(2026, 11, 10, hour);
                TimeZoneInfo ZoneAt(DateTimeOffset now) => now < change ? first : second;
                var (from, to) = (Utc(2026, 11, 7, 0), Utc(2026, 11, 15, 0));
                var sent = Poll(from, to, ZoneAt, at, TimeSpan.FromMinutes(10));
                var trace = $"{first.Id} → {second.Id} at {change:u}: {string.Join(", ", sent.Select(o => $"{o.LocalDate}@{o.SendAt:u}"))}";

                var dates = sent.Select(o => o.LocalDate).ToList();
                Assert.True(dates.Zip(dates.Skip(1), (a, b) => b > a).All(x => x), "a day was sent twice or out of order: " + trace);
                Assert.All(sent, o => Assert.Equal(o.LocalDate, LocalCalendar.DateIn(o.DeliveredAt, ZoneAt(o.DeliveredAt))));

                var lived = new[] { first, second }
                    .SelectMany(zone => Enumerable.Range(-1, 10).Select(d => ReminderSchedule.On(new DateOnly(2026, 11, 7).AddDays(d), at, zone)).Where(o => o is not null && ZoneAt(o.SendAt) == zone))
                    .Where(o => o!.SendAt >= from && o.SendAt + ReminderSchedule.DefaultGrace < to)
                    .Select(o => o!.LocalDate)
                    .Distinct();
                Assert.NotEmpty(lived);
                Assert.All(lived, d => Assert.True(dates.Contains(d), $"{d} was skipped: " + trace));
            }
        }
    }

    [Fact]
    public void Next_after_crossing_the_date_line_continues_with_the_next_local_day()
    {
        var at = new TimeOnly(20, 0);

        // Sent for Nov 1 in New York (20:00 EST = 01:00 UTC Nov 2), then the user is in Tokyo: Nov 2 there is next.
        var eastward = ReminderSchedule.Next(Make.Zone("Asia/Tokyo"), at, Utc(2026, 11, 2, 2), new DateOnly(2026, 11, 1));
        Assert.Equal(new DateOnly(2026, 11, 2), eastward.LocalDate);
        Assert.Equal(Utc(2026, 11, 2, 11), eastward.SendAt);

        // Sent for Nov 2 in Tokyo (11:00 UTC), then in New York where it is still Nov 2: no second Nov 2.
        var westward = ReminderSchedule.Next(NewYork, at, Utc(2026, 11, 2, 12), new DateOnly(2026, 11, 2));
        Assert.Equal(new DateOnly(2026, 11, 3), westward.LocalDate);
        Assert.Equal(Utc(2026, 11, 4, 1), westward.SendAt);
    }

    [Fact]
    public void A_reminder_missed_by_more_than_the_grace_is_skipped()
    {
        var at = new TimeOnly(20, 0);
        var due = Utc(2026, 6, 2, 0);
        Assert.Equal(due, ReminderSchedule.Due(NewYork, at, due, null, ReminderSchedule.DefaultGrace)!.SendAt);
        Assert.NotNull(ReminderSchedule.Due(NewYork, at, due + ReminderSchedule.DefaultGrace, null, ReminderSchedule.DefaultGrace));
        Assert.Null(ReminderSchedule.Due(NewYork, at, due + ReminderSchedule.DefaultGrace + TimeSpan.FromMinutes(1), null, ReminderSchedule.DefaultGrace));
        Assert.Null(ReminderSchedule.Due(NewYork, at, due - TimeSpan.FromMinutes(1), null, ReminderSchedule.DefaultGrace));
        Assert.Null(ReminderSchedule.Due(NewYork, at, due, new DateOnly(2026, 6, 1), ReminderSchedule.DefaultGrace));
    }

    [Property(MaxTest = 200)]
    public Property Next_is_always_after_now_at_the_local_time_and_after_the_last_day_sent()
    {
        string[] zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"];
        var gen =
            from zone in Gen.Elements(zones)
            from minutes in Gen.Choose(0, 365 * 24 * 60 * 2)
            from minuteOfDay in Gen.Choose(0, 24 * 60 - 1)
            from lastOffset in Gen.Choose(-3, 2)
            from hasLast in Gen.Elements(true, false)
            select (zone, now: Utc(2026, 1, 1, 0).AddMinutes(minutes), at: TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay)), lastOffset, hasLast);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var zone = Make.Zone(t.zone);
            var today = LocalCalendar.DateIn(t.now, zone);
            DateOnly? last = t.hasLast ? today.AddDays(t.lastOffset) : null;
            var next = ReminderSchedule.Next(zone, t.at, t.now, last);
            var local = TimeZoneInfo.ConvertTime(next.SendAt, zone);
            var atLocalTime = next.Shifted
                ? local.TimeOfDay > t.at.ToTimeSpan() && local.TimeOfDay - t.at.ToTimeSpan() <= TimeSpan.FromHours(1)
                : local.TimeOfDay == t.at.ToTimeSpan();
            return next.SendAt > t.now
                && (last is null || next.LocalDate > last)
                && DateOnly.FromDateTime(local.DateTime) == next.LocalDate
                && atLocalTime
                && next.SendAt - t.now <= TimeSpan.FromDays((last is { } l && l > today ? l.DayNumber - today.DayNumber : 0) + 2);
        });
    }

    private sealed record Delivery(DateOnly LocalDate, DateTimeOffset SendAt, bool Shifted, DateTimeOffset DeliveredAt);

    /// <summary>A job that calls Due every <paramref name="every"/> with the zone the user is in at that moment.</summary>
    private static List<Delivery> Poll(DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, TimeZoneInfo> zoneAt, TimeOnly at, TimeSpan every)
    {
        var sent = new List<Delivery>();
        DateOnly? last = null;
        for (var now = from; now < to; now += every)
        {
            if (ReminderSchedule.Due(zoneAt(now), at, now, last, ReminderSchedule.DefaultGrace) is { } due)
            {
                sent.Add(new Delivery(due.LocalDate, due.SendAt, due.Shifted, now));
                last = due.LocalDate;
            }
        }

        return sent;
    }

    private static void AssertOnePerDay(List<ReminderOccurrence> sent, TimeZoneInfo zone, TimeOnly at)
    {
        for (var i = 0; i < sent.Count; i++)
        {
            var local = TimeZoneInfo.ConvertTime(sent[i].SendAt, zone);
            Assert.Equal(sent[i].LocalDate, DateOnly.FromDateTime(local.DateTime));
            if (sent[i].Shifted)
            {
                // Only a time the clock skipped moves, and only to the first minute after the jump.
                Assert.True(zone.IsInvalidTime(sent[i].LocalDate.ToDateTime(new TimeOnly(at.Hour, at.Minute))));
                Assert.InRange(local.TimeOfDay, at.ToTimeSpan() + TimeSpan.FromMinutes(1), at.ToTimeSpan() + TimeSpan.FromHours(1));
                Assert.NotEqual(zone.GetUtcOffset(sent[i].SendAt.AddMinutes(-1)), zone.GetUtcOffset(sent[i].SendAt));
            }
            else
            {
                Assert.Equal(new TimeSpan(at.Hour, at.Minute, 0), local.TimeOfDay);
            }

            if (i > 0)
            {
                Assert.Equal(1, sent[i].LocalDate.DayNumber - sent[i - 1].LocalDate.DayNumber);
            }
        }
    }
}
