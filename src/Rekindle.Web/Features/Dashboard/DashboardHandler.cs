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
    int? DaysSinceBreakup,
    Phase? Chosen = null);

public sealed class DashboardHandler(Journeys.JourneyReader journey, TimeProvider clock)
{
    public async Task<DashboardView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var view = await journey.GetAsync(userId, cancellationToken);
        var profile = view.Profile;
        var today = profile.Today(clock);
        int? sinceBreakup = profile.BreakupDate is { } b ? Math.Max(0, today.DayNumber - b.DayNumber) : null;
        return new DashboardView(view.Recommended.Phase, view.Recommended.Next, view.Facts.Streak, profile.LimitedContact, view.OnHealingTrack, today, sinceBreakup, view.Chosen);
    }
}
