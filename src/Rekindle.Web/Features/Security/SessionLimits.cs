namespace Rekindle.Web.Features.Security;

/// <summary>Session lifetimes (section "Rekindle:Sessions"), per OWASP ASVS 5.0 V7.3.</summary>
public sealed class SessionLimits
{
    public const string Section = "Rekindle:Sessions";

    /// <summary>A session unused this long ends; signing in again starts a new one.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>No session lives longer than this, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often "last seen" is written: often enough for the idle rules, rarely enough to stay cheap.</summary>
    public TimeSpan TouchEvery { get; set; } = TimeSpan.FromSeconds(30);
}
