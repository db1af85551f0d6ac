using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.ExMessages;

public sealed class IndexModel(ExMessageHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ExMessageInput Input { get; set; } = new();

    public IReadOnlyList<ExMessageView> History { get; private set; } = [];

    /// <summary>The safety screen said yes: the page reads messages for control and asks none of the substance questions.</summary>
    public bool HealingTrack { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken);
        HealingTrack = profile.SafetyPivot;
        var now = LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
        Input.ReceivedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        History = await handler.ListAsync(User.UserId(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.JudgeAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            HealingTrack = (await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken)).SafetyPivot;
            History = await handler.ListAsync(User.UserId(), cancellationToken);
            return Page();
        }

        return Redirect($"/ex-messages/{outcome.Value.Id}");
    }
}
