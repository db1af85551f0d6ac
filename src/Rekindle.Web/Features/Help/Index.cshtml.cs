using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Help;

public sealed class IndexModel(CrisisDirectory directory, RekindleDbContext db) : PageModel
{
    public CrisisCountry Country { get; private set; } = null!;

    public IEnumerable<SelectListItem> Countries =>
        directory.ByName().Select(c => new SelectListItem(c.Name, c.Code, c.Code == Country.Code));

    public async Task OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var code = country;
        if (code is null && User.Identity?.IsAuthenticated == true)
        {
            var userId = User.UserId();
            code = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.CountryCode).SingleOrDefaultAsync(cancellationToken);
        }

        Country = directory.For(code);
    }
}
