using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Core.Reminders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Reminders;

public sealed class ReminderInput
{
    /// <summary>"HH:mm", or empty for no daily reminder.</summary>
    public string? DailyCheckInAt { get; set; }
    public bool Email { get; set; }
    public int? Version { get; set; }
}

public sealed record ReminderView(string? DailyCheckInAt, bool Email, bool EmailAvailable, string TimeZoneId, int Version);

public sealed class ReminderHandler(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, NoContactHandler noContact, TriggerDates.TriggerDateHandler triggerDates, IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    public async Task<ReminderView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var settings = await db.Set<ReminderSettings>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        return new ReminderView(settings?.DailyCheckInAt?.ToString("HH:mm", CultureInfo.InvariantCulture), settings?.Email ?? false, smtp.Value.IsConfigured,
            profile.TimeZoneId, settings?.Version ?? 0);
    }

    public async Task<Outcome<ReminderView>> SaveAsync(Guid userId, ReminderInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var errors = bindingErrors ?? new FieldErrors();
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(input.DailyCheckInAt))
        {
            if (TimeOnly.TryParseExact(input.DailyCheckInAt.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                time = new TimeOnly(parsed.Hour, parsed.Minute);
            }
            else
            {
                errors.Add(nameof(input.DailyCheckInAt), "Write the time as hours and minutes, for example 20:30.");
            }
        }

        if (input.Email && time is null && !errors.Fields.Contains(nameof(input.DailyCheckInAt)))
        {
            errors.Add(nameof(input.DailyCheckInAt), "Choose a time for the daily reminder, so we know when to send the email.");
        }

        if (input.Email && !smtp.Value.IsConfigured)
        {
            errors.Add(nameof(input.Email), "This installation can't send email yet. Use the calendar file instead.");
        }

        var settings = await db.Set<ReminderSettings>().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (settings is not null && input.Version is { } version && version != settings.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<ReminderView>.Invalid(errors);
        }

        if (settings is null)
        {
            settings = new ReminderSettings { UserId = userId };
            db.Add(settings);
        }

        if (settings.DailyCheckInAt != time)
        {
            // A new time starts afresh; today's reminder is still sent if its time is yet to come.
            settings.LastEmailFor = null;
        }

        settings.DailyCheckInAt = time;
        settings.Email = input.Email;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ReminderView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<ReminderView>.Ok(await GetAsync(userId, cancellationToken));
    }

    /// <summary>
    /// The .ics file: the daily check-in (if chosen), the upcoming no-contact milestones and the dates the user marked
    /// as ones that will hurt (never their labels), every event titled
    /// "Rekindle reminder" unless the user asked for <paramref name="detailedTitles"/> (see ReminderCalendar).
    /// </summary>
    public async Task<string> CalendarAsync(Guid userId, bool detailedTitles = false, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var settings = await db.Set<ReminderSettings>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        var streak = await noContact.GetStreakAsync(profile, cancellationToken);
        var milestones = streak is null ? [] : ReminderCalendar.UpcomingMilestones(streak);

        // The UID seed is a hash of the user id: stable across downloads, and it reveals nothing.
        var userKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("rekindle-calendar:" + userId.ToString("N"))))[..32];
        var hardDays = await triggerDates.CalendarDaysAsync(userId, profile.Today(clock), cancellationToken);
        return ReminderCalendar.Build(new ReminderFeed(userKey, profile.Zone(), settings?.DailyCheckInAt, milestones, clock.GetUtcNow(), detailedTitles, hardDays));
    }
}
