using System.Security.Cryptography;
using System.Text;
using Rekindle.Core.NoContact;
using Rekindle.Core.Time;

namespace Rekindle.Core.Reminders;

/// <summary>An upcoming milestone date in the current no-contact stretch.</summary>
public sealed record MilestoneDate(int Days, DateOnly Date);

/// <summary>A date the user marked as one that will hurt, for the calendar: an opaque key, never its label.</summary>
/// <param name="Key">Stable and opaque (the record's id); hashed into the UID, so editing the date moves the event.</param>
/// <param name="On">The next day it falls on, in the user's calendar.</param>
/// <param name="Yearly">Repeats every year.</param>
/// <param name="LeapDay">A yearly 29 February: it falls on the last day of February, 28 February in other years.</param>
public sealed record HardDay(string Key, DateOnly On, bool Yearly, bool LeapDay = false);

/// <summary>What goes into the user's reminder calendar.</summary>
/// <param name="UserKey">An opaque, stable key for the user (an id, never an email); it is hashed into the UIDs.</param>
/// <param name="Zone">The user's time zone.</param>
/// <param name="DailyCheckInAt">The local time of the daily check-in reminder, or null for none.</param>
/// <param name="Milestones">Upcoming milestone dates (see <see cref="ReminderCalendar.UpcomingMilestones"/>).</param>
/// <param name="GeneratedAt">Now: used for DTSTAMP, SEQUENCE and the first day of the daily reminder.</param>
/// <param name="DetailedTitles">Titles that say what each event is ("Rekindle: day 14 without contact"), which the
/// user chose; otherwise every event is just <see cref="ReminderCalendar.DiscreetTitle"/>.</param>
/// <param name="HardDays">Dates the user marked as ones that will hurt: all-day events with a reminder a few days ahead
/// and on the morning itself. Their labels never go into the file, whatever the titles.</param>
public sealed record ReminderFeed(
    string UserKey,
    TimeZoneInfo Zone,
    TimeOnly? DailyCheckInAt,
    IReadOnlyList<MilestoneDate> Milestones,
    DateTimeOffset GeneratedAt,
    bool DetailedTitles = false,
    IReadOnlyList<HardDay>? HardDays = null);

/// <summary>
/// The reminder calendar as an iCalendar file (RFC 5545), for download or a subscription URL.
/// <para>Privacy: a calendar is often visible to others (a shared family calendar, a phone on the table), so by
/// default every event has the same title, "Rekindle reminder": it does not say a day count or what is being counted.
/// Only when the user asks for detailed titles does an event say "Rekindle: check in" or "Rekindle: day 14 without
/// contact". Never a description beyond the title, notes or a name, and always CLASS:PRIVATE.</para>
/// <para>Time: the daily reminder is written with TZID set to the IANA zone id plus a matching VTIMEZONE, so it
/// stays at the chosen local time across daylight-saving changes. Milestones are all-day dates (no zone needed).</para>
/// <para>Identity: UIDs are hashes of the user key and the event kind, so importing a newer file or refreshing a
/// subscription updates events rather than duplicating them. A milestone's UID is keyed by its day count (not by its
/// date): after a restart, "day 14" moves to its new date instead of leaving the old one behind. SEQUENCE is the
/// number of minutes since 2024-01-01 UTC at generation, so each newer file wins.</para>
/// <para>Hard days (dates the user marked as ones that will hurt) are all-day events, yearly when the user said so,
/// with a reminder three days ahead and one on the morning; their title follows the same rule (never the label).</para>
/// <para>A feed with no daily reminder and no upcoming milestone has no events; calendar apps accept it as empty.</para>
/// </summary>
public static class ReminderCalendar
{
    public const string ProductId = "-//Rekindle//Rekindle Reminders 1.0//EN";
    public const string DiscreetTitle = "Rekindle reminder";
    public const string CheckInTitle = "Rekindle: check in";
    public const string CalendarName = "Rekindle";
    public const int CheckInMinutes = 10;

    private static readonly DateTimeOffset SequenceEpoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string MilestoneTitle(int days) => $"Rekindle: day {days} without contact";

    /// <summary>A marked hard day's title when the user chose detailed titles. It never holds the user's label.</summary>
    public const string HardDayTitle = "Rekindle: a hard day - plan ready";

    /// <summary>How many days before a hard day its first reminder fires.</summary>
    public const int HardDayWarnDays = TriggerDates.TriggerDateRules.WarnDaysAhead;

    /// <summary>The morning reminder on a hard day itself: hours after its midnight.</summary>
    public const int HardDayMorningHour = 9;

    /// <summary>The milestone dates still ahead in the current stretch (today included, if today is one).</summary>
    public static IReadOnlyList<MilestoneDate> UpcomingMilestones(StreakSummary streak)
    {
        ArgumentNullException.ThrowIfNull(streak);
        return NoContactTarget.Milestones
            .Where(m => m >= streak.CurrentDays)
            .Select(m => new MilestoneDate(m, streak.StretchStartedOn.AddDays(m)))
            .ToList();
    }

    /// <summary>A stable UID: the same user, kind and date always give the same UID. The user key can't be read back.</summary>
    public static string Uid(string userKey, string kind, DateOnly? date = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var input = $"rekindle\n{userKey}\n{kind}\n{(date is { } d ? ICalendarText.Date(d) : "")}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "@rekindle";
    }

    /// <summary>The IANA id for the zone when one is known (Windows ids are converted), else the zone's own id.</summary>
    public static string ZoneId(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }

    public static string Build(ReminderFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(feed.Zone);
        ArgumentNullException.ThrowIfNull(feed.Milestones);

        var stamp = ICalendarText.UtcDateTime(feed.GeneratedAt);
        var sequence = Math.Max(0, (long)Math.Floor((feed.GeneratedAt - SequenceEpoch).TotalMinutes));
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + ProductId,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendarText.Escape(CalendarName),
            "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
            "X-PUBLISHED-TTL:PT12H",
        };

        if (feed.DailyCheckInAt is { } at)
        {
            var tzid = ZoneId(feed.Zone);
            var firstDay = LocalCalendar.DateIn(feed.GeneratedAt, feed.Zone);
            var start = firstDay.ToDateTime(new TimeOnly(at.Hour, at.Minute));
            lines.AddRange(VTimeZone.Lines(feed.Zone, ICalendarText.Escape(tzid), firstDay.Year));
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                "UID:" + Uid(feed.UserKey, "daily-check-in"),
                "DTSTAMP:" + stamp,
                "SEQUENCE:" + sequence,
                $"DTSTART;TZID={ParamValue(tzid)}:{ICalendarText.LocalDateTime(start)}",
                $"DURATION:PT{CheckInMinutes}M",
                "RRULE:FREQ=DAILY",
                "SUMMARY:" + ICalendarText.Escape(feed.DetailedTitles ? CheckInTitle : DiscreetTitle),
                "CLASS:PRIVATE",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + ICalendarText.Escape(feed.DetailedTitles ? CheckInTitle : DiscreetTitle),
                "TRIGGER:PT0S",
                "END:VALARM",
                "END:VEVENT",
            ]);
        }

        foreach (var milestone in feed.Milestones.DistinctBy(m => m.Days).OrderBy(m => m.Date))
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                "UID:" + Uid(feed.UserKey, $"milestone-{milestone.Days}"),
                "DTSTAMP:" + stamp,
                "SEQUENCE:" + sequence,
                "DTSTART;VALUE=DATE:" + ICalendarText.Date(milestone.Date),
                "DTEND;VALUE=DATE:" + ICalendarText.Date(milestone.Date.AddDays(1)),
                "SUMMARY:" + ICalendarText.Escape(feed.DetailedTitles ? MilestoneTitle(milestone.Days) : DiscreetTitle),
                "CLASS:PRIVATE",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]);
        }

        foreach (var day in (feed.HardDays ?? []).DistinctBy(d => d.Key).OrderBy(d => d.On).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            var title = ICalendarText.Escape(feed.DetailedTitles ? HardDayTitle : DiscreetTitle);
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                "UID:" + Uid(feed.UserKey, $"hard-day-{day.Key}"),
                "DTSTAMP:" + stamp,
                "SEQUENCE:" + sequence,
                "DTSTART;VALUE=DATE:" + ICalendarText.Date(day.On),
                "DTEND;VALUE=DATE:" + ICalendarText.Date(day.On.AddDays(1)),
            ]);
            if (day.Yearly)
            {
                // The last day of February is 29 February in a leap year and 28 February otherwise, as the app keeps it.
                lines.Add(day.LeapDay ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY");
            }

            lines.AddRange(
            [
                "SUMMARY:" + title,
                "CLASS:PRIVATE",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + title,
                $"TRIGGER:-P{HardDayWarnDays}D",
                "END:VALARM",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + title,
                $"TRIGGER:PT{HardDayMorningHour}H",
                "END:VALARM",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(ICalendarText.Fold(line));
        }

        return builder.ToString();
    }

    /// <summary>A parameter value: quoted when it holds ':', ';' or ','; double quotes and control characters removed.</summary>
    internal static string ParamValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }
}
