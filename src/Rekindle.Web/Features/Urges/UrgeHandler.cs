using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.NoContact;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Urges;

public sealed class UrgeInput
{
    /// <summary>How strong the urge is, 1 to 10.</summary>
    public int? Intensity { get; set; }

    /// <summary>What you wanted to say: kept as an unsent letter.</summary>
    public string? WantedToSay { get; set; }

    /// <summary>What set it off (optional).</summary>
    public string? Trigger { get; set; }

    public UrgeAlternative? Alternative { get; set; }
}

public sealed class UrgeOutcomeInput
{
    public UrgeOutcome? Outcome { get; set; }
}

public sealed record UrgeView(Guid Id, DateTime OccurredAt, DateOnly LocalDate, int Intensity, string? Trigger, UrgeAlternative? Alternative, UrgeOutcome Outcome, Guid? LetterId)
{
    /// <summary>What the crisis reader found in the trigger and what it wanted to say: on one urge, left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }
}

/// <summary>The interrupt for the urge to reach out: pause, rate it, write it here, do something else, log how it ended.</summary>
public sealed class UrgeHandler(RekindleDbContext db, UserCipher cipher, LettersHandler letters, NoContactHandler noContact, TimeProvider clock, SafetyNet safety)
{
    public const int MaxTriggerLength = 500;
    public const string TriggerField = "urge.trigger";

    public async Task<Outcome<UrgeView>> StartAsync(Guid userId, UrgeInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var errors = bindingErrors ?? new FieldErrors();
        if (input.Intensity is not (>= 1 and <= 10))
        {
            errors.Add(nameof(input.Intensity), "Rate the urge from 1 (a flicker) to 10 (overwhelming).");
        }

        if (input.Trigger?.Length > MaxTriggerLength)
        {
            errors.Add(nameof(input.Trigger), $"Keep this to {MaxTriggerLength} characters; the letter box has room for the rest.");
        }

        if (input.WantedToSay?.Length > LettersHandler.MaxLength)
        {
            errors.Add(nameof(input.WantedToSay), $"This can be up to {LettersHandler.MaxLength:N0} characters; yours has {input.WantedToSay.Length:N0}.");
        }

        if (input.Alternative is { } alternative && !Enum.IsDefined(alternative))
        {
            errors.Add(nameof(input.Alternative), "Choose one of the options.");
        }

        if (errors.Any)
        {
            return Outcome<UrgeView>.Invalid(errors);
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var now = clock.GetUtcNow();
        var urge = new Urge
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            OccurredAt = now.UtcDateTime,
            LocalDate = LocalCalendar.DateIn(now, profile.Zone()),
            Intensity = input.Intensity!.Value,
            TriggerCipher = string.IsNullOrWhiteSpace(input.Trigger) ? null : await cipher.EncryptAsync(userId, TriggerField, input.Trigger.Trim(), cancellationToken),
            Alternative = input.Alternative,
            Outcome = UrgeOutcome.Pending,
        };
        await UrgeDetails.SealAsync(cipher, urge, cancellationToken);
        db.Add(urge);
        await db.SaveChangesAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(input.WantedToSay))
        {
            await letters.CreateAsync(userId, new LetterInput { Body = input.WantedToSay }, urgeId: urge.Id, cancellationToken: cancellationToken);
        }

        return Outcome<UrgeView>.Ok(await ToViewAsync(urge, cancellationToken)
            with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, input.Trigger, input.WantedToSay) });
    }

    public async Task<UrgeView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var urge = await db.Set<Urge>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
        if (urge is null)
        {
            return null;
        }

        await UrgeDetails.OpenAsync(cipher, urge, cancellationToken);
        return await WithSafetyAsync(userId, await ToViewAsync(urge, cancellationToken), cancellationToken);
    }

    /// <summary>Reads the saved trigger and the letter of what it wanted to say again, for showing one urge.</summary>
    private async Task<UrgeView> WithSafetyAsync(Guid userId, UrgeView view, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (view.LetterId is { } letterId
            && await db.Set<UnsentLetter>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.UserId == userId, cancellationToken) is { } letter)
        {
            wanted = await cipher.DecryptAsync(userId, LettersHandler.BodyField, letter.BodyCipher, cancellationToken);
        }

        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, view.Trigger, wanted) };
    }

    public async Task<IReadOnlyList<UrgeView>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var urges = await db.Set<Urge>().AsNoTracking().Where(u => u.UserId == userId).OrderByDescending(u => u.OccurredAt).ToListAsync(cancellationToken);
        var views = new List<UrgeView>(urges.Count);
        foreach (var urge in urges)
        {
            await UrgeDetails.OpenAsync(cipher, urge, cancellationToken);
            views.Add(await ToViewAsync(urge, cancellationToken));
        }

        return views;
    }

    /// <summary>Logs how the urge ended. Reaching out also logs a contact, which restarts the count without shame.</summary>
    public async Task<Outcome<UrgeView>> ResolveAsync(Guid userId, Guid id, UrgeOutcomeInput input, CancellationToken cancellationToken = default)
    {
        var urge = await db.Set<Urge>().SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
        if (urge is null)
        {
            return Outcome<UrgeView>.NotFound();
        }

        if (input.Outcome is not (UrgeOutcome.Passed or UrgeOutcome.Contacted))
        {
            var errors = new FieldErrors();
            errors.Add(nameof(input.Outcome), "Say whether the urge passed or you reached out.");
            return Outcome<UrgeView>.Invalid(errors);
        }

        await UrgeDetails.OpenAsync(cipher, urge, cancellationToken);
        var firstResolution = urge.Outcome != UrgeOutcome.Contacted && input.Outcome == UrgeOutcome.Contacted;
        urge.Outcome = input.Outcome.Value;
        urge.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        await UrgeDetails.SealAsync(cipher, urge, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        if (firstResolution && profile.NoContactStartedOn is not null)
        {
            var localNow = LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
            await noContact.LogContactAsync(userId, new ContactInput
            {
                Initiator = ContactInitiator.Me,
                OccurredAt = new DateTime(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, localNow.Minute, 0, DateTimeKind.Unspecified),
                Note = "Reached out after an urge.",
            }, cancellationToken: cancellationToken);
        }

        return Outcome<UrgeView>.Ok(await WithSafetyAsync(userId, await ToViewAsync(urge, cancellationToken), cancellationToken));
    }

    /// <summary>The view of an urge whose details are open (set, or read with <see cref="UrgeDetails.OpenAsync"/>).</summary>
    private async Task<UrgeView> ToViewAsync(Urge urge, CancellationToken cancellationToken)
    {
        var zone = (await db.GetOrCreateAsync(cipher, urge.UserId, cancellationToken)).Zone();
        var letterId = await db.Set<UnsentLetter>().Where(l => l.UrgeId == urge.Id && l.UserId == urge.UserId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
        return new UrgeView(
            urge.Id, LocalTime.FromUtc(urge.OccurredAt, zone), urge.LocalDate, urge.Intensity,
            await cipher.DecryptAsync(urge.UserId, TriggerField, urge.TriggerCipher, cancellationToken),
            urge.Alternative, urge.Outcome, letterId);
    }
}
