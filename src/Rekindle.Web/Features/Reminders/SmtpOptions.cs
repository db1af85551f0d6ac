namespace Rekindle.Web.Features.Reminders;

/// <summary>Outgoing mail (section "Rekindle:Smtp"). Without a host and a sender address, email reminders stay off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Rekindle:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect", or "None" for a relay on the same machine.</summary>
    public string Security { get; set; } = "StartTls";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, for example "Rekindle &lt;reminders@example.org&gt;".</summary>
    public string? From { get; set; }

    /// <summary>The app's public address, for the link in the email (for example https://rekindle.example.org).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the job looks for reminders that are due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
