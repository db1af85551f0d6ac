using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.NoContact;

public sealed class StartNoContactInput
{
    public int? TargetDays { get; set; }

    /// <summary>Optional: the day no contact began, if it began before today. Defaults to today.</summary>
    public DateOnly? StartDate { get; set; }
}

public sealed class ChangeTargetInput
{
    public int? TargetDays { get; set; }
}

public sealed class ContactInput
{
    public ContactInitiator? Initiator { get; set; }

    /// <summary>Wall-clock time in the user's own time zone.</summary>
    public DateTime? OccurredAt { get; set; }

    public string? Note { get; set; }

    /// <summary>When editing: the version the form was loaded at.</summary>
    public int? Version { get; set; }
}

public sealed record ContactView(
    Guid Id,
    DateTime OccurredAt,
    DateOnly LocalDate,
    ContactInitiator Initiator,
    bool RestartedCount,
    string? Note,
    int Version)
{
    /// <summary>What the crisis reader found in the note: on one contact (logged, changed or opened), left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }

    public ContactInput ToInput() => new() { Initiator = Initiator, OccurredAt = OccurredAt, Note = Note, Version = Version };
}

public sealed record NoContactOverview(
    bool Started,
    DateOnly Today,
    DateOnly? StartedOn,
    int TargetDays,
    StreakSummary? Streak,
    bool LimitedContact,
    DateOnly? BreakupDate,
    string TimeZoneId,
    IReadOnlyList<ContactView> Contacts,
    Track Track);

public sealed record LoggedContact(ContactView Contact, ContactAdvice Advice, StreakSummary? Streak);

/// <summary>No contact: starting it, the count, and the log of contacts. Shared by the pages and the API.</summary>
public sealed class NoContactHandler(RekindleDbContext db, TimeProvider clock, UserCipher cipher, SafetyNet safety)
{
    /// <summary>Contacts can be logged up to a few minutes ahead, to forgive a phone clock that runs fast.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The associated-data name of the encrypted note field.</summary>
    public const string NoteField = "contact.note";

    public async Task<NoContactOverview> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderByDescending(c => c.OccurredAt)
            .ToListAsync(cancellationToken);
        var today = profile.Today(clock);
        return new NoContactOverview(
            profile.NoContactStartedOn is not null,
            today,
            profile.NoContactStartedOn,
            profile.NoContactTargetDays,
            StreakFrom(profile, contacts.Where(c => c.RestartedCount).Select(c => c.LocalDate), today),
            profile.LimitedContact,
            profile.BreakupDate,
            profile.TimeZoneId,
            await ToViewsAsync(contacts, profile.Zone(), cancellationToken),
            profile.Track());
    }

    /// <summary>The days contact restarted the count since no contact began. Compiled once: every page with a streak runs it.</summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, DateOnly, IAsyncEnumerable<DateOnly>>> RestartDays = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, DateOnly startedOn) => db.Contacts.AsNoTracking()
            .Where(c => c.UserId == userId && c.RestartedCount && c.LocalDate >= startedOn)
            .Select(c => c.LocalDate)
            .Distinct()));

    /// <summary>The streak only, reading just the restart dates: what the dashboard needs.</summary>
    public async Task<StreakSummary?> GetStreakAsync(UserProfile profile, CancellationToken cancellationToken = default) =>
        StreakFrom(profile, await RestartDaysAsync(profile, cancellationToken), profile.Today(clock));

    /// <summary>The streak on the user's local today from restart days already read; null before no contact begins.</summary>
    public static StreakSummary? StreakFrom(UserProfile profile, IEnumerable<DateOnly> restarts, DateOnly today) =>
        profile.NoContactStartedOn is { } startedOn
            ? Streak.Summarize(startedOn, restarts, today, profile.NoContactTargetDays, profile.BreakupDate)
            : null;

    /// <summary>The days contact restarted the count since no contact began; none before it has begun.</summary>
    public async Task<List<DateOnly>> RestartDaysAsync(UserProfile profile, CancellationToken cancellationToken = default)
    {
        var restarts = new List<DateOnly>();
        if (profile.NoContactStartedOn is { } startedOn)
        {
            await foreach (var day in RestartDays.For(db)(db, profile.UserId, startedOn).WithCancellation(cancellationToken))
            {
                restarts.Add(day);
            }
        }

        return restarts;
    }

    public async Task<Outcome<NoContactOverview>> StartAsync(Guid userId, StartNoContactInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var today = profile.Today(clock);
        var errors = bindingErrors ?? new FieldErrors();
        ValidateTarget(input.TargetDays, nameof(input.TargetDays), errors);
        var startDate = input.StartDate ?? today;
        if (startDate > today)
        {
            errors.Add(nameof(input.StartDate), $"No contact can't start in the future. Choose today ({today:d MMM yyyy}) or an earlier day.");
        }
        else if (profile.BreakupDate is { } breakup && startDate < breakup)
        {
            errors.Add(nameof(input.StartDate), $"That is before the breakup ({breakup:d MMM yyyy}). Choose the breakup day or later.");
        }

        if (errors.Any)
        {
            return Outcome<NoContactOverview>.Invalid(errors);
        }

        var saved = await db.UpdateProfileAsync(cipher, profile, p =>
        {
            p.NoContactStartedOn = startDate;
            p.NoContactTargetDays = input.TargetDays!.Value;
            p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }, cancellationToken);
        if (!saved)
        {
            return Outcome<NoContactOverview>.Invalid(FieldErrors.Stale());
        }

        return Outcome<NoContactOverview>.Ok(await GetAsync(userId, cancellationToken));
    }

    public async Task<Outcome<NoContactOverview>> ChangeTargetAsync(Guid userId, ChangeTargetInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = bindingErrors ?? new FieldErrors();
        ValidateTarget(input.TargetDays, nameof(input.TargetDays), errors);
        if (errors.Any)
        {
            return Outcome<NoContactOverview>.Invalid(errors);
        }

        var saved = await db.UpdateProfileAsync(cipher, profile, p =>
        {
            p.NoContactTargetDays = input.TargetDays!.Value;
            p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }, cancellationToken);
        if (!saved)
        {
            return Outcome<NoContactOverview>.Invalid(FieldErrors.Stale());
        }

        return Outcome<NoContactOverview>.Ok(await GetAsync(userId, cancellationToken));
    }

    public async Task<ContactView?> FindContactAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var view = (await ToViewsAsync([contact], profile.Zone(), cancellationToken))[0];
        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, view.Note) };
    }

    public async Task<Outcome<LoggedContact>> LogContactAsync(Guid userId, ContactInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = Validate(input, profile, bindingErrors);
        if (errors.Any)
        {
            return Outcome<LoggedContact>.Invalid(errors);
        }

        var zone = profile.Zone();
        var local = input.OccurredAt!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new ContactEvent
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            OccurredAt = LocalTime.ToUtc(local, zone),
            LocalDate = DateOnly.FromDateTime(local),
            Initiator = input.Initiator!.Value,
            RestartedCount = ContactRules.BreaksStreak(input.Initiator.Value, profile.LimitedContact),
            NoteCipher = await cipher.EncryptAsync(userId, NoteField, input.Note!.Trim(), cancellationToken),
            CreatedAt = now,
        };

        var stretchStart = (await GetStreakAsync(profile, cancellationToken))?.StretchStartedOn ?? profile.BreakupDate ?? DateOnly.MinValue;
        var earlierFromThem = await db.Contacts.CountAsync(
            c => c.UserId == userId && c.Initiator == ContactInitiator.Them && c.LocalDate >= stretchStart, cancellationToken);

        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        var advice = ContactRules.AdviceFor(contact.Initiator, profile.LimitedContact, earlierFromThem);
        var view = (await ToViewsAsync([contact], zone, cancellationToken))[0] with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, input.Note) };
        return Outcome<LoggedContact>.Ok(new LoggedContact(view, advice, await GetStreakAsync(profile, cancellationToken)));
    }

    public async Task<Outcome<ContactView>> UpdateContactAsync(Guid userId, Guid id, ContactInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
        if (contact is null)
        {
            return Outcome<ContactView>.NotFound();
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = Validate(input, profile, bindingErrors);
        if (input.Version is { } version && version != contact.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<ContactView>.Invalid(errors);
        }

        var zone = profile.Zone();
        var local = input.OccurredAt!.Value;
        contact.OccurredAt = LocalTime.ToUtc(local, zone);
        contact.LocalDate = DateOnly.FromDateTime(local);
        contact.Initiator = input.Initiator!.Value;
        contact.RestartedCount = ContactRules.BreaksStreak(contact.Initiator, profile.LimitedContact);
        contact.NoteCipher = await cipher.EncryptAsync(userId, NoteField, input.Note!.Trim(), cancellationToken);
        if (input.Version is { } formVersion)
        {
            db.Entry(contact).Property(c => c.Version).OriginalValue = formVersion;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ContactView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<ContactView>.Ok((await ToViewsAsync([contact], zone, cancellationToken))[0]
            with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, input.Note) });
    }

    public async Task<bool> DeleteContactAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Contacts.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }

    private FieldErrors Validate(ContactInput input, UserProfile profile, FieldErrors? bindingErrors)
    {
        var errors = bindingErrors ?? new FieldErrors();
        if (input.Initiator is null || !Enum.IsDefined(input.Initiator.Value))
        {
            errors.Add(nameof(input.Initiator), "Choose who started the contact.");
        }

        if (input.OccurredAt is not { } local)
        {
            errors.Add(nameof(input.OccurredAt), "Enter when it happened.");
        }
        else
        {
            var nowLocal = LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
            if (local > nowLocal + ClockSkew)
            {
                errors.Add(nameof(input.OccurredAt), $"That time is in the future. Enter when it happened (now is {nowLocal:d MMM yyyy, HH:mm}).");
            }
            else if (profile.BreakupDate is { } breakup && DateOnly.FromDateTime(local) < breakup)
            {
                errors.Add(nameof(input.OccurredAt), $"That is before the breakup ({breakup:d MMM yyyy}). Contacts here are the ones since it ended.");
            }
            else if (local.Year < 1900)
            {
                errors.Add(nameof(input.OccurredAt), "Check the year.");
            }
        }

        if (string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(nameof(input.Note), "Add a few words about what happened. Later, these notes help you see patterns.");
        }
        else if (input.Note.Length > RekindleDbContext.NoteMaxLength)
        {
            errors.Add(nameof(input.Note), $"Notes can be up to {RekindleDbContext.NoteMaxLength:N0} characters; this one has {input.Note.Length:N0}. Keep the heart of it here, and put the rest in an unsent letter or your journal.");
        }

        return errors;
    }

    private static void ValidateTarget(int? targetDays, string field, FieldErrors errors)
    {
        if (targetDays is not { } days || !NoContactTarget.IsValid(days))
        {
            errors.Add(field, $"Choose a target from {NoContactTarget.Minimum} to {NoContactTarget.Maximum} days. {NoContactTarget.Default} is a good place to start.");
        }
    }

    private async Task<List<ContactView>> ToViewsAsync(IEnumerable<ContactEvent> contacts, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var views = new List<ContactView>();
        foreach (var c in contacts)
        {
            var note = await cipher.DecryptAsync(c.UserId, NoteField, c.NoteCipher, cancellationToken);
            views.Add(new ContactView(c.Id, LocalTime.FromUtc(c.OccurredAt, zone), c.LocalDate, c.Initiator, c.RestartedCount, note, c.Version));
        }

        return views;
    }
}
