using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Core.NoContact;
using Rekindle.Core.Time;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.NoContact;

/// <summary>
/// Notes can be long; the 1 MB body limit every page shares (RequestLimits) sits well above the note limit, so
/// the handler can say so kindly.
/// </summary>
public sealed class IndexModel(NoContactHandler handler, SafetyNet safety, TimeProvider clock, ProgramContent content) : PageModel
{
    [BindProperty]
    public StartNoContactInput Start { get; set; } = new();

    [BindProperty]
    public ChangeTargetInput Target { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [TempData]
    public string? LastAdvice { get; set; }

    public ContactAdvice? Advice => Enum.TryParse<ContactAdvice>(LastAdvice, out var advice) ? advice : null;

    public NoContactOverview Overview { get; private set; } = null!;

    /// <summary>The page's words on the user's track: on the healing track, no contact is protection with no end that leads back.</summary>
    public PageStrings Words => content.StringsFor(Overview.Track);
    /// <summary>Help for the note just saved, when the crisis reader found danger in it (carried by level and kind only).</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Safety = await safety.CarriedAsync(TempData, User.UserId(), cancellationToken);
        await LoadAsync(cancellationToken);
        Start.TargetDays = NoContactTarget.Default;
        Target.TargetDays = Overview.TargetDays;
        Contact.OccurredAt = DefaultContactTime();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.StartAsync(User.UserId(), Start, FieldErrors.FromBinding(ModelState, nameof(Start)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Start));
            await LoadAsync(cancellationToken);
            Contact.OccurredAt ??= DefaultContactTime();
            return Page();
        }

        return Redirect("/no-contact");
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.ChangeTargetAsync(User.UserId(), Target, FieldErrors.FromBinding(ModelState, nameof(Target)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Target));
            await LoadAsync(cancellationToken);
            Contact.OccurredAt ??= DefaultContactTime();
            return Page();
        }

        return Redirect("/no-contact");
    }

    public async Task<IActionResult> OnPostLogAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.LogContactAsync(User.UserId(), Contact, FieldErrors.FromBinding(ModelState, nameof(Contact)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Contact));
            await LoadAsync(cancellationToken);
            Target.TargetDays ??= Overview.TargetDays;
            return Page();
        }

        LastAdvice = outcome.Value.Advice.ToString();
        TempData.Carry(outcome.Value.Contact.Safety ?? SafetyView.None);
        return Redirect("/no-contact");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Overview = await handler.GetAsync(User.UserId(), cancellationToken);

    private DateTime DefaultContactTime()
    {
        var now = LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, LocalCalendar.FindZoneOrUtc(Overview.TimeZoneId));
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }
}
