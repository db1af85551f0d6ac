using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Charts;
using Rekindle.Core.CheckIns;
using Rekindle.Core.NoContact;
using Rekindle.Core.Progress;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Features.Urges;
using CoreUrgeOutcome = Rekindle.Core.Progress.UrgeOutcome;

namespace Rekindle.Web.Features.Progress;

public sealed record ChartView(string Svg, ChartTable Table);

/// <summary>
/// The dashboard's progress strip: a milestone moment (once), the weekly summary, whether today has a check-in, and the
/// fortnight's check-ins the strip was built from (the low-mood follow-up reads them too, so the dashboard asks once).
/// </summary>
public sealed record MomentsView(MilestoneMoment? Milestone, WeeklySummary Week, bool CheckedInToday, IReadOnlyList<CheckIn> RecentCheckIns);

public sealed record ProgressView(
    DateOnly Today, DateOnly From, int RangeDays, WeeklySummary Week, ChartView Mood, ChartView Urges, ChartView? Calendar, StreakSummary? Streak);

/// <summary>The numbers behind the progress page and the weekly summary: check-ins, the urge log and the streak.</summary>
public sealed class ProgressHandler(RekindleDbContext db, CheckInHandler checkIns, NoContactHandler noContact, TimeProvider clock, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher)
{
    public static readonly int[] Ranges = [30, 90, 365];

    public async Task<ProgressView> GetAsync(Guid userId, int rangeDays, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var today = profile.Today(clock);
        var days = Ranges.Contains(rangeDays) ? rangeDays : Ranges[0];
        var from = today.AddDays(-(days - 1));
        var earliest = from < today.AddDays(-13) ? from : today.AddDays(-13);
        var numbers = await checkIns.NumbersAsync(userId, earliest, today, cancellationToken);
        var urges = await UrgeEventsAsync(userId, today.AddDays(-13), today, cancellationToken);

        var moodModel = MoodChart.Model(numbers, from, today);
        var urgeModel = UrgeChart.Model(numbers, from, today);
        // The streak and the calendar are drawn from the same restart days, read once.
        var restarts = await noContact.RestartDaysAsync(profile, cancellationToken);
        var streak = NoContactHandler.StreakFrom(profile, restarts, today);
        ChartView? calendar = null;
        if (profile.NoContactStartedOn is { } started)
        {
            var range = NoContactCalendar.DefaultRange(started, today, profile.BreakupDate);
            var cells = NoContactCalendar.Build(started, restarts, today, range.From, range.To);
            calendar = new ChartView(CalendarChart.Svg(cells), CalendarChart.Table(cells));
        }

        return new ProgressView(today, from, days, WeeklyReport.Build(numbers, urges, today),
            new ChartView(MoodChart.Svg(moodModel), MoodChart.Table(moodModel)),
            new ChartView(UrgeChart.Svg(urgeModel), UrgeChart.Table(urgeModel)),
            calendar, streak);
    }

    public async Task<WeeklySummary> WeeklyAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var today = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock);
        var recent = await checkIns.NumbersAsync(userId, today.AddDays(-13), today, cancellationToken);
        return WeeklyReport.Build(recent, await UrgeEventsAsync(userId, today.AddDays(-13), today, cancellationToken), today);
    }

    /// <summary>The urge log as the progress rules see it: urges still open are not counted yet.</summary>
    public async Task<IReadOnlyList<UrgeEvent>> UrgeEventsAsync(Guid userId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = new List<UrgeRow>();
        await foreach (var u in ResolvedUrges.For(db)(db, userId, from, to).WithCancellation(cancellationToken))
        {
            rows.Add(u);
        }

        var events = new List<UrgeEvent>(rows.Count);
        foreach (var u in rows)
        {
            events.Add(await UrgeEventAsync(userId, u.LocalDate, u.Details, cancellationToken));
        }

        return events;
    }

    /// <summary>A resolved urge as the progress rules count it, from its encrypted details (see UrgeDetails).</summary>
    private async Task<UrgeEvent> UrgeEventAsync(Guid userId, DateOnly day, string? details, CancellationToken cancellationToken)
    {
        var (intensity, _, outcome) = await UrgeDetails.ReadAsync(cipher, userId, details, cancellationToken);
        return new UrgeEvent(day, intensity, outcome == Urges.UrgeOutcome.Contacted ? CoreUrgeOutcome.Contacted : CoreUrgeOutcome.Passed);
    }

    private sealed record UrgeRow(DateOnly LocalDate, string? Details);

    private sealed record ShownMilestone(int Days, DateOnly StretchStartedOn);

    /// <summary>
    /// The urges the progress rules count, here and in the dashboard's strip: an urge still open is not counted yet.
    /// Its outcome is encrypted; resolving it sets the time.
    /// </summary>
    private static readonly Expression<Func<Urge, bool>> Resolved = u => u.ResolvedAt != null;

    // Compiled once: the progress page, the weekly summary and readiness run these.
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, DateOnly, DateOnly, IAsyncEnumerable<UrgeRow>>> ResolvedUrges = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, DateOnly from, DateOnly to) => db.Set<Urge>().AsNoTracking()
            .Where(Resolved)
            .Where(u => u.UserId == userId && u.LocalDate >= from && u.LocalDate <= to)
            .Select(u => new UrgeRow(u.LocalDate, u.DetailsCipher))));

    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, DateOnly, IAsyncEnumerable<ShownMilestone>>> ShownMilestones = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, DateOnly stretchStartedOn) => db.Set<CelebratedMilestone>().AsNoTracking()
            .Where(m => m.UserId == userId && m.StretchStartedOn == stretchStartedOn)
            .Select(m => new ShownMilestone(m.Days, m.StretchStartedOn))));

    /// <summary>The milestone to celebrate now, if one is due and has not been shown; showing it records it.</summary>
    public async Task<MilestoneMoment?> TakeMilestoneAsync(Guid userId, StreakSummary? streak, CancellationToken cancellationToken = default)
    {
        if (streak is null)
        {
            return null;
        }

        var shown = new List<MilestoneMoment>();
        await foreach (var m in ShownMilestones.For(db)(db, userId, streak.StretchStartedOn).WithCancellation(cancellationToken))
        {
            shown.Add(new MilestoneMoment(m.Days, m.StretchStartedOn));
        }

        return await RecordIfDueAsync(userId, streak, shown, cancellationToken);
    }

    /// <summary>
    /// The dashboard's progress strip: the milestone to celebrate (recorded as shown, like <see cref="TakeMilestoneAsync"/>),
    /// the weekly summary, and whether today has a check-in. The fortnight's check-ins and resolved urges and the
    /// milestones already shown in this stretch come back in one round trip, with the user's wrapped key to decrypt the
    /// check-ins' numbers: the dashboard is the page people open most.
    /// </summary>
    public async Task<MomentsView> MomentsAsync(Guid userId, StreakSummary? streak, DateOnly today, CancellationToken cancellationToken = default)
    {
        var checkIns = new List<CheckIn>();
        var urges = new List<UrgeEvent>();
        var shown = new List<MilestoneMoment>();
        // Without a streak there is no stretch; no milestone was recorded for a stretch starting on the earliest date.
        var stretch = streak?.StretchStartedOn ?? DateOnly.MinValue;
        var rows = new List<StripRow>();
        await foreach (var row in StripRows.For(db)(db, userId, today.AddDays(-13), today, stretch).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Any(r => r.Kind is StripRow.CheckIn or StripRow.Urge) && rows.FirstOrDefault(r => r.Kind == StripRow.Key)?.Numbers is { } wrappedKey)
        {
            cipher.RememberWrappedKey(userId, wrappedKey);
        }

        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case StripRow.CheckIn:
                    checkIns.Add(await CheckInNumbers.ReadAsync(cipher, userId, row.Day, row.Numbers, cancellationToken));
                    break;
                case StripRow.Urge:
                    urges.Add(await UrgeEventAsync(userId, row.Day, row.Numbers, cancellationToken));
                    break;
                case StripRow.Milestone:
                    shown.Add(new MilestoneMoment(row.Number, row.Day));
                    break;
            }
        }

        var milestone = streak is null ? null : await RecordIfDueAsync(userId, streak, shown, cancellationToken);
        return new MomentsView(milestone, WeeklyReport.Build(checkIns, urges, today), checkIns.Any(c => c.Date == today), checkIns);
    }

    private async Task<MilestoneMoment?> RecordIfDueAsync(Guid userId, StreakSummary streak, List<MilestoneMoment> shown, CancellationToken cancellationToken)
    {
        var due = MilestoneCelebration.Due(streak, shown);
        if (due is null)
        {
            return null;
        }

        db.Add(new CelebratedMilestone { Id = Guid.CreateVersion7(), UserId = userId, Days = due.Days, StretchStartedOn = due.StretchStartedOn, CelebratedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab showed it a moment ago: once is enough.
            db.ChangeTracker.Clear();
            return null;
        }

        return due;
    }

    /// <summary>
    /// One row of the progress strip's read. A check-in is its day and its encrypted numbers (<see cref="Numbers"/>), and
    /// the user's wrapped key comes along to open them; a resolved urge is its day and its encrypted details (intensity
    /// and outcome, in <see cref="Numbers"/>); a milestone already shown is
    /// its stretch's first day and its days. Set by name, not by constructor: EF translates a union of such rows.
    /// </summary>
    private sealed class StripRow
    {
        public const int CheckIn = 0;
        public const int Urge = 1;
        public const int Milestone = 2;

        /// <summary>The user's wrapped key (in <see cref="Numbers"/>), so the check-ins decrypt without a query of their own.</summary>
        public const int Key = 3;

        public int Kind { get; init; }
        public DateOnly Day { get; init; }
        public int Number { get; init; }
        public int SleepHalfHours { get; init; }
        public bool AteProperly { get; init; }
        public bool Moved { get; init; }
        public int UrgeCount { get; init; }
        public int? StrongestUrge { get; init; }
        public bool HadContact { get; init; }
        public string? Numbers { get; init; }
    }

    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, DateOnly, DateOnly, DateOnly, IAsyncEnumerable<StripRow>>> StripRows = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, DateOnly from, DateOnly to, DateOnly stretchStartedOn) => db.Set<CheckInEntry>()
            .Where(c => c.UserId == userId && c.LocalDate >= from && c.LocalDate <= to)
            .Select(c => new StripRow
            {
                Kind = StripRow.CheckIn, Day = c.LocalDate, Number = 0, SleepHalfHours = 0, AteProperly = false,
                Moved = false, UrgeCount = 0, StrongestUrge = null, HadContact = false, Numbers = c.NumbersCipher,
            })
            .Concat(db.Set<Urge>()
                .Where(Resolved)
                .Where(u => u.UserId == userId && u.LocalDate >= from && u.LocalDate <= to)
                .Select(u => new StripRow
                {
                    Kind = StripRow.Urge, Day = u.LocalDate, Number = 0, SleepHalfHours = 0, AteProperly = false,
                    Moved = false, UrgeCount = 0, StrongestUrge = null, HadContact = false, Numbers = u.DetailsCipher,
                }))
            .Concat(db.Set<CelebratedMilestone>()
                .Where(m => m.UserId == userId && m.StretchStartedOn == stretchStartedOn)
                .Select(m => new StripRow
                {
                    Kind = StripRow.Milestone, Day = m.StretchStartedOn, Number = m.Days, SleepHalfHours = 0, AteProperly = false,
                    Moved = false, UrgeCount = 0, StrongestUrge = null, HadContact = false, Numbers = null,
                }))
            .Concat(db.UserKeys
                .Where(k => k.UserId == userId)
                .Select(k => new StripRow
                {
                    Kind = StripRow.Key, Day = from, Number = 0, SleepHalfHours = 0, AteProperly = false,
                    Moved = false, UrgeCount = 0, StrongestUrge = null, HadContact = false, Numbers = k.WrappedKey,
                }))
            .AsNoTracking()));
}
