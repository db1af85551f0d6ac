namespace Rekindle.Web.Features.Settings;

/// <summary>
/// Choices that belong to this phone or computer rather than to the account: whether "Leave quickly" locks the app
/// (when a PIN is set) instead of signing out, and whether page titles say what the page is. They live in one small
/// cookie (no personal text, nothing to decrypt), so someone glancing at the tab list of a shared computer sees
/// only "Notes" unless the owner of this browser asked for more.
/// </summary>
public sealed record DevicePreferences(bool QuickExitLocks, bool DescriptiveTitles)
{
    public const string CookieName = "rekindle-device";

    /// <summary>The title every page shows while descriptive titles are off: an ordinary word that gives nothing away.</summary>
    public const string DiscreetTitle = "Notes";

    public static readonly DevicePreferences Default = new(QuickExitLocks: false, DescriptiveTitles: false);

    public static DevicePreferences Read(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        var parts = value.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return new DevicePreferences(parts.Contains("lock"), parts.Contains("titles"));
    }

    public void Write(HttpContext context)
    {
        var parts = new List<string>(2);
        if (QuickExitLocks)
        {
            parts.Add("lock");
        }

        if (DescriptiveTitles)
        {
            parts.Add("titles");
        }

        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        };
        if (parts.Count == 0)
        {
            context.Response.Cookies.Delete(CookieName, options);
            return;
        }

        options.MaxAge = TimeSpan.FromDays(400);
        context.Response.Cookies.Append(CookieName, string.Join('.', parts), options);
    }
}
