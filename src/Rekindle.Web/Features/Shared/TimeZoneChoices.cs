using Microsoft.AspNetCore.Mvc.Rendering;

namespace Rekindle.Web.Features.Shared;

/// <summary>The IANA time zones this machine knows, for select lists.</summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<SelectListItem>> Items = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Select(z => z.Id)
            .Append("Etc/UTC")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(id => new SelectListItem(id.Replace('_', ' '), id))
            .ToList());

    public static IReadOnlyList<SelectListItem> All => Items.Value;
}
