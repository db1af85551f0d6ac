using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Dashboard;

public sealed record DashboardView(
    Phase Phase,
    NextStep Next,
    StreakSummary? Streak,
    bool LimitedContact,
    bool SafetyPivot,
    DateOnly Today,
    int? DaysSinceBreakup);

public sealed class DashboardHandler(RekindleDbContext db, NoContactHandler noContact, TimeProvider clock)
{
    public async Task<DashboardView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(userId, cancellationToken);
        var streak = await noContact.GetStreakAsync(profile, cancellationToken);
        var facts = new JourneyFacts(
            profile.SituationCompletedAt is not null,
            profile.SafetyCompletedAt is not null,
            profile.SafetyPivot,
            profile.NoContactStartedOn is not null,
            streak);
        var recommendation = JourneyGuide.Recommend(facts);
        var today = profile.Today(clock);
        int? sinceBreakup = profile.BreakupDate is { } b ? Math.Max(0, today.DayNumber - b.DayNumber) : null;
        return new DashboardView(recommendation.Phase, recommendation.Next, streak, profile.LimitedContact, profile.SafetyPivot, today, sinceBreakup);
    }
}
