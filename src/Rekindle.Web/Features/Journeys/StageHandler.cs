using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Journeys;

public sealed class StageInput
{
    public string? Stage { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? Note { get; set; }

    /// <summary>For the outcome stage: yes or no.</summary>
    public string? Outcome { get; set; }

    /// <summary>
    /// The user's yes to a stage that means contact while no contact is running: the stage is logged, and the contact
    /// with it in the no-contact log. Without it such a stage is not logged; the page asks, the API answers 409.
    /// </summary>
    public bool ConfirmBreakingNoContact { get; set; }
}

public sealed record StageEventView(Guid Id, string Stage, DateOnly OccurredOn, string? Note, string? Outcome)
{
    /// <summary>What the crisis reader found in the note: on the stage just logged, left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }

    /// <summary>The contact logged in no contact with this stage, when it was logged during no contact.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LoggedContact? Contact { get; init; }
}

/// <summary>The log of stages on the way back. Closed whenever the reconciliation policy closes reconciliation.</summary>
public sealed class StageHandler(
    RekindleDbContext db, UserCipher cipher, PageStrings strings, TimeProvider clock, ReconciliationGate gate, SafetyNet safety, NoContactHandler noContact, ProgramContent content)
{
    public const int MaxNoteLength = 5_000;
    internal const string NoteField = "stage.note";
    internal const string OutcomeField = "stage-outcome";

    /// <summary>The key of the one "error" that asks to confirm a stage that ends the no-contact streak.</summary>
    public const string ConfirmBreakingNoContactField = nameof(StageInput.ConfirmBreakingNoContact);

    public async Task<IReadOnlyList<StageEventView>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<StageEvent>().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.OccurredOn).ThenBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var views = new List<StageEventView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(new(row.Id, row.Stage, row.OccurredOn, await cipher.DecryptAsync(userId, NoteField, row.NoteCipher, cancellationToken),
                await cipher.DecryptAsync(userId, OutcomeField, row.OutcomeCipher, cancellationToken)));
        }

        return views;
    }

    /// <summary>For the stage tracker's page: the policy's refusal, or null when the way back can be coached and logged.</summary>
    public Task<ReconciliationRefusal?> RefusalAsync(Guid userId, CancellationToken cancellationToken = default) => gate.RefuseAsync(userId, cancellationToken);

    public async Task<Outcome<StageEventView>> LogAsync(Guid userId, StageInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        if (await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
        {
            return Outcome<StageEventView>.Refused(refusal);
        }

        var errors = bindingErrors ?? new FieldErrors();
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);

        var today = profile.Today(clock);
        var silenceStage = input.Stage is NoReply.FollowUp or NoReply.LetItRest;
        if (!StageTracker.IsStage(input.Stage) && !silenceStage && !errors.Fields.Contains(nameof(input.Stage)))
        {
            errors.Add(nameof(input.Stage), strings["invalid.choose-stage"]);
        }
        else if (silenceStage)
        {
            // The road after a first message with no reply: one gentle follow-up once the waiting is over, never a
            // second; letting it rest whenever no reply has come. Both are logged today unless a day is given.
            input.OccurredOn ??= today;
            var silence = await SilenceAsync(userId, cancellationToken);
            if (input.Stage == NoReply.FollowUp && !silence.FollowUpAllowed)
            {
                errors.Add(nameof(input.Stage), strings[silence.Step is SilenceStep.WaitingAfterFollowUp or SilenceStep.Ended ? "invalid.follow-up-once" : "invalid.follow-up-not-yet"]);
            }
            else if (input.Stage == NoReply.LetItRest && silence.Step is SilenceStep.None or SilenceStep.Ended)
            {
                errors.Add(nameof(input.Stage), strings["invalid.let-it-rest-not-open"]);
            }
        }

        if (input.OccurredOn is null && !errors.Fields.Contains(nameof(input.OccurredOn)))
        {
            errors.Add(nameof(input.OccurredOn), strings["invalid.stage-day-missing"]);
        }
        else if (input.OccurredOn > today)
        {
            errors.Add(nameof(input.OccurredOn), strings["invalid.stage-day-future"]);
        }

        if (input.Stage == "outcome" && input.Outcome is not ("yes" or "no"))
        {
            errors.Add(nameof(input.Outcome), strings["invalid.outcome-missing"]);
        }

        if (input.Note?.Length > MaxNoteLength)
        {
            errors.Add(nameof(input.Note), Messages.TooLong(strings, "invalid.note-too-long", MaxNoteLength, input.Note.Length));
        }

        if (errors.Any)
        {
            return Outcome<StageEventView>.Invalid(errors);
        }

        // A stage that means being in touch with the ex, during no contact, is contact: asked first, then counted.
        LoggedContact? contact = null;
        if (StageTracker.IsContact(input.Stage) && await EndsNoContactAsync(profile, input.OccurredOn!.Value, cancellationToken))
        {
            if (!input.ConfirmBreakingNoContact)
            {
                errors.Add(ConfirmBreakingNoContactField, strings["stages.confirm-contact.explain"]);
                return Outcome<StageEventView>.Invalid(errors);
            }

            var logged = await noContact.LogContactAsync(userId, ContactFor(profile, input.Stage!, input.OccurredOn!.Value), cancellationToken: cancellationToken);
            if (logged.Value is null)
            {
                errors.Add(nameof(input.OccurredOn), logged.Errors.FirstMessage());
                return Outcome<StageEventView>.Invalid(errors);
            }

            contact = logged.Value;
        }

        var row = new StageEvent
        {
            Id = Guid.CreateVersion7(), UserId = userId, Stage = input.Stage!, OccurredOn = input.OccurredOn!.Value,
            NoteCipher = await cipher.EncryptAsync(userId, NoteField, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), cancellationToken),
            OutcomeCipher = input.Stage == "outcome" ? await cipher.EncryptAsync(userId, OutcomeField, input.Outcome, cancellationToken) : null, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<StageEventView>.Ok(new(row.Id, row.Stage, row.OccurredOn, input.Note?.Trim(), input.Stage == "outcome" ? input.Outcome : null)
        {
            Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, input.Note),
            Contact = contact,
        });
    }

    /// <summary>
    /// Whether contact on that day would end the running no-contact streak: no contact has begun by then, and the
    /// day has no contact in the log that already restarted the count (it is never counted twice).
    /// </summary>
    private async Task<bool> EndsNoContactAsync(UserProfile profile, DateOnly day, CancellationToken cancellationToken) =>
        profile.NoContactStartedOn is { } startedOn && day >= startedOn
        && !await db.Contacts.AnyAsync(c => c.UserId == profile.UserId && c.LocalDate == day && c.RestartedCount, cancellationToken);

    /// <summary>The contact a stage stands for: the user reached out; today's at the time of logging, an earlier day's at noon.</summary>
    private ContactInput ContactFor(UserProfile profile, string stage, DateOnly day)
    {
        var nowLocal = Rekindle.Core.Time.LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
        var at = day == DateOnly.FromDateTime(nowLocal) ? new DateTime(nowLocal.Year, nowLocal.Month, nowLocal.Day, nowLocal.Hour, nowLocal.Minute, 0, DateTimeKind.Unspecified)
            : day.ToDateTime(new TimeOnly(12, 0));
        var title = stage == NoReply.FollowUp ? strings["stages.silence.follow-up-logged"] : content.Stages.FirstOrDefault(s => s.Id == stage)?.Title ?? stage;
        return new ContactInput { Initiator = Rekindle.Core.NoContact.ContactInitiator.Me, OccurredAt = at, Note = strings.Format("stages.contact-note", ("stage", title)) };
    }

    /// <summary>The road after a first message with no reply, in the user's own days.</summary>
    public async Task<SilenceState> SilenceAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var stages = await db.Set<StageEvent>().AsNoTracking().Where(e => e.UserId == userId).Select(e => new { e.Stage, e.OccurredOn, Answered = e.OutcomeCipher != null }).ToListAsync(cancellationToken);
        var waitDays = await db.Set<JourneyState>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.NoReplyDays).FirstOrDefaultAsync(cancellationToken);
        return JourneyReader.Silence(stages.Select(s => (s.Stage, s.OccurredOn)).ToList(), stages.Any(s => s.Stage == "outcome" && s.Answered), waitDays, profile.Today(clock));
    }

    /// <summary>How many days to wait for a reply before the next step (2 to 30). Closed with the rest of the stage tracker.</summary>
    public async Task<Outcome<SilenceState>> SetWaitDaysAsync(Guid userId, int? days, CancellationToken cancellationToken = default)
    {
        if (await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
        {
            return Outcome<SilenceState>.Refused(refusal);
        }

        if (days is not { } value || !NoReply.IsValidWaitDays(value))
        {
            var errors = new FieldErrors();
            errors.Add("Days", strings.Format("invalid.wait-days", ("min", NoReply.MinWaitDays), ("max", NoReply.MaxWaitDays), ("default", NoReply.DefaultWaitDays)));
            return Outcome<SilenceState>.Invalid(errors);
        }

        await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var state = await db.Set<JourneyState>().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (state is null)
        {
            state = new JourneyState { UserId = userId, ChangedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(state);
        }

        state.NoReplyDays = value;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SilenceState>.Ok(await SilenceAsync(userId, cancellationToken));
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<StageEvent>().Where(e => e.Id == id && e.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
