using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Reminders;

public sealed class IndexModel(ReminderHandler handler) : PageModel
{
    public const string CalendarFileName = "rekindle-reminders.ics";

    [BindProperty]
    public ReminderInput Input { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    public ReminderView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await handler.GetAsync(User.UserId(), cancellationToken);
        Input = new ReminderInput { DailyCheckInAt = View.DailyCheckInAt, Email = View.Email, Version = View.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            View = await handler.GetAsync(User.UserId(), cancellationToken);
            return Page();
        }

        Saved = true;
        return Redirect("/reminders");
    }

    /// <param name="detailed">True for titles that say what each event is; by default every event says "Rekindle reminder".</param>
    public async Task<IActionResult> OnGetCalendarAsync(bool detailed, CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await handler.CalendarAsync(User.UserId(), detailed, cancellationToken)), "text/calendar", CalendarFileName);
}
