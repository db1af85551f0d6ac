using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;
using Rekindle.Core.Reminders;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;

namespace Rekindle.Web.Features.Reminders;

/// <summary>Sends the daily check-in emails that are due. Run by <see cref="ReminderEmailJob"/>.</summary>
public sealed class ReminderMailer(RekindleDbContext db, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<ReminderMailer> logger)
{
    public const string Subject = "Your daily check-in";

    /// <summary>Sends every reminder due now and returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var candidates = await db.Set<ReminderSettings>()
            .Where(r => r.Email && r.DailyCheckInAt != null)
            .Join(db.Profiles, r => r.UserId, p => p.UserId, (r, p) => new { Settings = r, p.TimeZoneId })
            .ToListAsync(cancellationToken);

        var sent = 0;
        SmtpClient? client = null;
        try
        {
            foreach (var candidate in candidates)
            {
                var settings = candidate.Settings;
                var zone = LocalCalendar.FindZoneOrUtc(candidate.TimeZoneId);
                if (ReminderSchedule.Due(zone, settings.DailyCheckInAt!.Value, now, settings.LastEmailFor, ReminderSchedule.DefaultGrace) is not { } due)
                {
                    continue;
                }

                // Someone who already checked in today needs no nudge.
                var checkedIn = await db.Set<CheckInEntry>().AnyAsync(c => c.UserId == settings.UserId && c.LocalDate == due.LocalDate, cancellationToken);
                var email = await db.Users.Where(u => u.Id == settings.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
                if (!checkedIn && !string.IsNullOrEmpty(email))
                {
                    client ??= await ConnectAsync(smtp, cancellationToken);
                    await client.SendAsync(Message(smtp, email), cancellationToken);
                    sent++;
                }

                // Recorded per user, so a failure later in the run never sends these again.
                settings.LastEmailFor = due.LocalDate;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (client is not null)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
                client.Dispose();
            }
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} check-in reminder emails", sent);
        }

        return sent;
    }

    /// <summary>Neutral words only: an email can be read over a shoulder or on a lock screen.</summary>
    public static MimeMessage Message(SmtpOptions smtp, string to)
    {
        var link = string.IsNullOrWhiteSpace(smtp.PublicUrl) ? "" : $"\n\n{smtp.PublicUrl.TrimEnd('/')}/check-in";
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain")
        {
            Text = $"A minute for yourself: how was today?{link}\n\nYou chose this reminder. To change or stop it, open Reminders in the app.",
        };
        return message;
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        var security = smtp.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        return client;
    }
}

/// <summary>The scheduled job: one run at a time, every few minutes (see <see cref="SmtpOptions.CheckEvery"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderEmailJob(ReminderMailer mailer, ILogger<ReminderEmailJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-emails", "rekindle");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Reminder job started by trigger {Trigger}", context.Trigger.Key.Name);
        try
        {
            await mailer.SendDueAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            // The mail server is down or refused us: reminders not marked sent are tried again next run.
            logger.LogWarning("Reminder emails could not be sent: {Reason}", e.GetType().Name);
        }
    }
}
