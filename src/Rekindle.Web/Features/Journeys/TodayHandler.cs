using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Journeys;

/// <param name="Track">Whose plan this is: "reconciliation", or "healing" after the safety pivot.</param>
public sealed record TodayView(int Day, int Today, DayContent Plan, IReadOnlyList<PlanItem> Done, IReadOnlyList<int> EarlierOpenDays, string Track);

/// <summary>
/// The daily plan: today's lesson, action and prompt, each checkable. Shared by /today and /api/v1/today. The plan is
/// the user's track's own (the healing plan after the safety pivot); the healing plan counts its days from the day the track began.
/// </summary>
public sealed class TodayHandler(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, ProgramContent content, TimeProvider clock)
{
    public async Task<int> TodayNumberAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.PlanDayAsync(await db.GetOrCreateAsync(cipher, userId, cancellationToken), clock, cancellationToken);

    /// <summary>The plan for <paramref name="day"/> (today when null). Null when the day is in the future.</summary>
    public async Task<TodayView?> GetAsync(Guid userId, int? day = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var today = await db.PlanDayAsync(profile, clock, cancellationToken);
        var shown = day ?? today;
        if (shown < 1 || shown > today)
        {
            return null;
        }

        var done = await db.Set<PlanCompletion>().AsNoTracking().Where(c => c.UserId == userId && c.Day >= today - 7 && c.Day <= today)
            .Select(c => new { c.Day, c.Item }).ToListAsync(cancellationToken);
        var doneShown = shown >= today - 7
            ? done.Where(c => c.Day == shown).Select(c => c.Item).ToList()
            : await db.Set<PlanCompletion>().AsNoTracking().Where(c => c.UserId == userId && c.Day == shown).Select(c => c.Item).ToListAsync(cancellationToken);
        return new TodayView(shown, today, content.Day(profile.Track(), shown), doneShown, DailyPlan.OpenEarlierDays(today, done.Select(c => c.Day)), profile.Track().Id());
    }

    /// <summary>Checks or unchecks one item of a day that has come. False for a future day.</summary>
    public async Task<bool> SetAsync(Guid userId, int day, PlanItem item, bool done, CancellationToken cancellationToken = default)
    {
        var today = await TodayNumberAsync(userId, cancellationToken);
        if (day < 1 || day > today || !Enum.IsDefined(item))
        {
            return false;
        }

        var existing = db.Set<PlanCompletion>().Where(c => c.UserId == userId && c.Day == day && c.Item == item);
        if (!done)
        {
            await existing.ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        if (!await existing.AnyAsync(cancellationToken))
        {
            db.Add(new PlanCompletion { Id = Guid.CreateVersion7(), UserId = userId, Day = day, Item = item, CompletedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Checked twice at once: it's checked either way.
                db.ChangeTracker.Clear();
            }
        }

        return true;
    }
}
