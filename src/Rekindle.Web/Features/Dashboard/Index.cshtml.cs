using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.CheckIns;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Features.TriggerDates;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Dashboard;

public sealed class IndexModel(DashboardHandler handler, ProgressHandler progress, TriggerDateHandler triggerDates, CrisisDirectory crisis, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    /// <summary>The progress strip; read here, not in the handler, as other features ask the handler only for the phase.</summary>
    public MomentsView Moments { get; private set; } = null!;

    /// <summary>The helpline the low-mood follow-up card offers, when the card is shown; null otherwise.</summary>
    public CrisisResource? FollowUpLine { get; private set; }

    public bool ShowFollowUp { get; private set; }

    /// <summary>Dates the user marked as ones that will hurt, from three days before until the day: the card with a plan.</summary>
    public IReadOnlyList<UpcomingTriggerDateView> HardDays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        View = await handler.GetAsync(userId, cancellationToken);
        Moments = await progress.MomentsAsync(userId, View.Streak, View.Today, cancellationToken);

        // One small query on the user's index; only the close dates' labels are decrypted.
        HardDays = await triggerDates.UpcomingAsync(userId, View.Today, cancellationToken);

        // The follow-up card reads the strip's check-ins and the profile the dashboard already has: no query of its own.
        if (View.FollowUp is { } followUp && LowMoodFollowUp.ShouldShow(Moments.RecentCheckIns, View.Today, clock.GetUtcNow(), followUp.Signals))
        {
            ShowFollowUp = true;
            var resources = crisis.For(followUp.CountryCode).Resources;
            FollowUpLine = resources.FirstOrDefault(r => r.Kind == "crisis" && r.Contacts.Count > 0)
                ?? resources.FirstOrDefault(r => r.Kind == "emergency" && r.Contacts.Count > 0);
        }
    }

    public async Task<IActionResult> OnPostDismissFollowUpAsync(CancellationToken cancellationToken)
    {
        await handler.DismissFollowUpAsync(User.UserId(), cancellationToken);
        return Redirect("/dashboard");
    }
}
