using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.CheckIns;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.CheckIns;

public sealed class IndexModel(CheckInHandler handler, CheckInContact contacts, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock, Rekindle.Core.Content.PageStrings strings) : PageModel
{
    public const int RecentDays = 14;

    [BindProperty]
    public CheckInInput Input { get; set; } = new();

    /// <summary>The day to show; today when absent or unreadable.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? RequestedDate { get; set; }

    /// <summary>The day just saved, as a day number: TempData would turn a date-like string into a DateTime.</summary>
    [TempData]
    public int? SavedDay { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly Day { get; private set; }
    public bool Exists { get; private set; }
    public bool CanEdit { get; private set; }
    public string? DateProblem { get; private set; }
    public IReadOnlyList<CheckInView> Recent { get; private set; } = [];

    /// <summary>For a day whose check-in says there was contact: the offer to log it, or the contact already logged.</summary>
    public CheckInContactState? Contact { get; private set; }

    /// <summary>The advice for a contact just logged from the check-in (a ContactAdvice name).</summary>
    [TempData]
    public string? ContactLogged { get; set; }

    /// <summary>A problem with the one-tap log (shown beside the offer).</summary>
    public string? ContactProblem { get; private set; }

    /// <summary>Help for the words of the day shown, when the crisis reader found danger in them.</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var existing = CanEdit ? await handler.FindAsync(User.UserId(), Day, cancellationToken) : null;
        Exists = existing is not null;
        Safety = existing?.Safety ?? SafetyView.None;
        Contact = existing?.HadContact == true ? await contacts.StateAsync(User.UserId(), Day, cancellationToken) : null;
        Input = existing is null
            ? new CheckInInput { Date = Day, UrgeCount = 0, Version = CheckInHandler.NewDay }
            : new CheckInInput
            {
                Date = existing.Date, Mood = existing.Mood, SleepHours = existing.SleepHours, AteProperly = existing.AteProperly, Moved = existing.Moved,
                UrgeCount = existing.UrgeCount, StrongestUrge = existing.StrongestUrge, HadContact = existing.HadContact, Word = existing.Word,
                Version = existing.Version,
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            Day = Input.Date ?? Today;
            Exists = Input.Version is > CheckInHandler.NewDay;
            return Page();
        }

        SavedDay = outcome.Value.CheckIn.Date.DayNumber;
        return Redirect($"/check-in?date={outcome.Value.CheckIn.Date:yyyy-MM-dd}");
    }

    /// <summary>The one tap: logs the day's contact in no contact, unless that day already has one.</summary>
    public async Task<IActionResult> OnPostLogContactAsync(DateOnly? contactDay, Rekindle.Core.NoContact.ContactInitiator? initiator, CancellationToken cancellationToken)
    {
        var outcome = contactDay is { } day ? await contacts.LogAsync(User.UserId(), day, initiator, cancellationToken) : Outcome<CheckInContactLogged>.NotFound();
        if (outcome.Value is { } logged)
        {
            // Only a contact this tap logged gets the advice; a day already logged shows that it is.
            ContactLogged = logged.Created ? logged.Advice?.ToString() ?? string.Empty : null;
            return Redirect($"/check-in?date={contactDay!.Value:yyyy-MM-dd}");
        }

        RequestedDate = contactDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await OnGetAsync(cancellationToken);
        ContactProblem = outcome.Status == OutcomeStatus.NotFound ? strings["check-in-contact.not-found"] : outcome.Errors.FirstMessage();
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var profile = await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken);
        Today = profile.Today(clock);
        Day = Today;
        CanEdit = true;
        if (!string.IsNullOrEmpty(RequestedDate))
        {
            if (!DateOnly.TryParseExact(RequestedDate, "yyyy-MM-dd", out var parsed))
            {
                DateProblem = "We couldn't read that date, so here is today.";
            }
            else if (!CheckInRules.IsEditable(parsed, Today))
            {
                DateProblem = parsed > Today ? CheckInRules.Messages.DateInFuture : CheckInRules.Messages.DateTooOld;
                CanEdit = false;
            }
            else
            {
                Day = parsed;
            }
        }

        Recent = (await handler.ListAsync(User.UserId(), Today.AddDays(-(RecentDays - 1)), Today, cancellationToken)).Reverse().ToList();
    }
}
