using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Dashboard;

/// <summary>What the low-mood follow-up card needs of the profile, read with it (no query of its own).</summary>
public sealed record FollowUpFacts(string CountryCode, FollowUpSignals Signals);

public sealed record DashboardView(
    Phase Phase,
    NextStep Next,
    StreakSummary? Streak,
    bool LimitedContact,
    bool SafetyPivot,
    DateOnly Today,
    int? DaysSinceBreakup,
    Phase? Chosen = null,
    [property: JsonIgnore] FollowUpFacts? FollowUp = null);

public sealed class DashboardHandler(Journeys.JourneyReader journey, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock)
{
    public async Task<DashboardView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var view = await journey.GetAsync(userId, cancellationToken);
        var profile = view.Profile;
        var today = profile.Today(clock);
        int? sinceBreakup = profile.BreakupDate is { } b ? Math.Max(0, today.DayNumber - b.DayNumber) : null;
        var followUp = new FollowUpFacts(profile.CountryCode, new FollowUpSignals(profile.LastCrisisFoundAt, profile.LowMoodCardDismissedAt));
        return new DashboardView(view.Recommended.Phase, view.Recommended.Next, view.Facts.Streak, profile.LimitedContact, view.OnHealingTrack, today, sinceBreakup, view.Chosen, followUp);
    }

    /// <summary>
    /// Puts the low-mood card away for a week (see <see cref="LowMoodFollowUp"/>). Written straight to the row, so the
    /// profile's version stays as it was and a situation form open elsewhere is not made stale by it (sealed with the
    /// other marks, see ProfileMarks).
    /// </summary>
    public async Task DismissFollowUpAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        await Shared.ProfileMarks.StampAsync(db, cipher, userId, marks => marks.LowMoodCardDismissedAt = now, cancellationToken);
    }
}
