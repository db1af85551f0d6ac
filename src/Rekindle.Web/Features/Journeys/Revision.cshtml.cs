using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class RevisionModel(AssessmentHandler handler, ProgramContent content) : PageModel
{
    public AssessmentView Revision { get; private set; } = null!;
    public ProgramContent Words => content;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(User.UserId(), id, cancellationToken) is not { } revision)
        {
            return NotFound();
        }

        Revision = revision;
        return Page();
    }

    /// <summary>The words for an id in this assessment's content, or the id itself.</summary>
    public string Label(string id)
    {
        var key = id.Split(':')[0];
        var all = content.Inventory.Causes.Concat(content.Inventory.Prompts).Concat(content.Decide.ReasonsFor).Concat(content.Decide.ReasonsAgainst)
            .Concat(content.Decide.Questions).Concat(content.Decide.RedFlags).Concat(content.Decide.GreenLights).Concat(content.Decide.RealityCheck)
            .Concat(content.Signs).Concat(content.Readiness).Concat(content.RebuildCheckIn).Concat(content.Accept.Steps).Concat(content.Heal.Steps);
        var label = all.FirstOrDefault(c => c.Id == key)?.Label ?? key;
        return id.EndsWith(":weight", StringComparison.Ordinal) ? label + " (weight)" : id.EndsWith(":kind", StringComparison.Ordinal) ? label + " (from where)" : label;
    }
}
