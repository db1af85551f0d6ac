using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Journey;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Shared;

public static class Profiles
{
    /// <summary>
    /// The signed-in user's profile (tracked), created on first use, with its situation and safety answers decrypted
    /// (<see cref="ProfileAnswers"/>): the one way handlers read the profile they may change.
    /// </summary>
    public static async Task<UserProfile> GetOrCreateAsync(this RekindleDbContext db, UserCipher cipher, Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            await ProfileAnswers.OpenAsync(cipher, profile, cancellationToken);
            return profile;
        }

        profile = new UserProfile { UserId = userId, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    /// <summary>
    /// Changes a few fields of the profile and saves, applying the change again to a fresh copy when another
    /// request saved the profile in between (its version moved on): the last write wins for the fields it sets,
    /// instead of a concurrency exception. False only if the profile kept changing under every try.
    /// </summary>
    public static async Task<bool> UpdateProfileAsync(this RekindleDbContext db, UserCipher cipher, UserProfile profile, Action<UserProfile> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            change(profile);
            await ProfileAnswers.SealAsync(cipher, profile, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 25)
            {
                await db.Entry(profile).ReloadAsync(cancellationToken);
                await ProfileAnswers.OpenAsync(cipher, profile, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Entry(profile).ReloadAsync(cancellationToken);
                await ProfileAnswers.OpenAsync(cipher, profile, cancellationToken);
                return false;
            }
        }
    }

    /// <summary>The user's track: healing after any yes on the safety screen. Pages ask ProgramContent for that track's plan, guides and words.</summary>
    public static Track Track(this UserProfile profile) => Tracks.For(profile.SafetyPivot || profile.ExThreatFoundAt is not null);

    /// <summary>The daily plan's day for the user, on their track (the healing plan counts from the day it began).</summary>
    public static async Task<int> PlanDayAsync(this RekindleDbContext db, UserProfile profile, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        DateOnly? healingBegan = null;
        if (profile.Track() == Core.Journey.Track.Healing)
        {
            var entered = await db.Set<Journeys.HealingTrack>().AsNoTracking().Where(t => t.UserId == profile.UserId).Select(t => t.EnteredAt).SingleOrDefaultAsync(cancellationToken);
            healingBegan = (entered ?? profile.ExThreatFoundAt) is { } began ? LocalCalendar.DateIn(new DateTimeOffset(DateTime.SpecifyKind(began, DateTimeKind.Utc)), profile.Zone()) : null;
        }

        return Core.Assessments.DailyPlan.DayNumber(profile.Track(), profile.NoContactStartedOn, healingBegan, profile.Today(clock));
    }

    public static TimeZoneInfo Zone(this UserProfile profile) => LocalCalendar.FindZoneOrUtc(profile.TimeZoneId);

    public static DateOnly Today(this UserProfile profile, TimeProvider clock) => LocalCalendar.Today(clock, profile.Zone());
}
