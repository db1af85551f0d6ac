using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Time;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Incidents;

/// <summary>The whole log as one clean, dated, chronological document to print or save as PDF.</summary>
public sealed class PrintModel(IncidentHandler handler) : PageModel
{
    public IncidentRecordView Record { get; private set; } = null!;

    public TimeZoneInfo Zone => LocalCalendar.FindZoneOrUtc(Record.TimeZoneId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Record = await handler.RecordAsync(User.UserId(), cancellationToken);
        // A printed record left in a browser's cache is one more copy someone else could find.
        Response.Headers.CacheControl = "no-store";
    }
}
