using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.SafetyPlan;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Security;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.SafetyPlan;

/// <summary>The form: each section a textarea, one item per line.</summary>
public sealed class SafetyPlanForm
{
    public string? WarningSigns { get; set; }
    public string? CopingSteps { get; set; }
    public string? Distractions { get; set; }
    public string? People { get; set; }
    public string? Professionals { get; set; }
    public string? SafeEnvironment { get; set; }
    public string? ReasonsForLiving { get; set; }
    public int? Version { get; set; }

    public SafetyPlanInput ToInput() => new()
    {
        WarningSigns = [.. SafetyPlanRules.Lines(WarningSigns)],
        CopingSteps = [.. SafetyPlanRules.Lines(CopingSteps)],
        Distractions = [.. SafetyPlanRules.Lines(Distractions)],
        People = [.. SafetyPlanRules.Lines(People)],
        Professionals = [.. SafetyPlanRules.Lines(Professionals)],
        SafeEnvironment = [.. SafetyPlanRules.Lines(SafeEnvironment)],
        ReasonsForLiving = [.. SafetyPlanRules.Lines(ReasonsForLiving)],
        Version = Version,
    };

    public static SafetyPlanForm From(SafetyPlanView view) => new()
    {
        WarningSigns = string.Join('\n', view.WarningSigns),
        CopingSteps = string.Join('\n', view.CopingSteps),
        Distractions = string.Join('\n', view.Distractions),
        People = string.Join('\n', view.People),
        Professionals = string.Join('\n', view.Professionals),
        SafeEnvironment = string.Join('\n', view.SafeEnvironment),
        ReasonsForLiving = string.Join('\n', view.ReasonsForLiving),
        Version = view.Version,
    };
}

/// <summary>
/// The safety plan. Readable while the app PIN lock is on (LockMiddleware lets GET through), but only for reading:
/// the form is not shown then, and a POST while locked is sent to the lock screen before it reaches this page.
/// </summary>
public sealed class IndexModel(SafetyPlanHandler handler, CrisisDirectory crisis, RekindleDbContext db) : PageModel
{
    [BindProperty]
    public SafetyPlanForm Input { get; set; } = new();

    public SafetyPlanView View { get; private set; } = null!;

    public CrisisCountry Country { get; private set; } = null!;

    public bool Locked { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = SafetyPlanForm.From(View);
        Saved = saved && !Locked;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveAsync(User.UserId(), Input.ToInput(), FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect("/safety-plan?saved=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Locked = HttpContext.Items.ContainsKey(SessionValidator.LockedItem);
        View = await handler.GetAsync(userId, cancellationToken);
        var code = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.CountryCode).SingleOrDefaultAsync(cancellationToken);
        Country = crisis.For(code);
    }
}
