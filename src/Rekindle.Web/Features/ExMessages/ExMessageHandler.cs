using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.ExMessages;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Dashboard;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.ExMessages;

public sealed class ExMessageInput
{
    public string? Text { get; set; }

    /// <summary>When it arrived, in the user's local time.</summary>
    public DateTime? ReceivedAt { get; set; }

    public bool? AcknowledgesWhatWentWrong { get; set; }
    public bool? ShowsEvidenceOfChange { get; set; }
    public bool? StatesClearIntention { get; set; }
    public bool? IsEmergencyOrLogistics { get; set; }
    public bool? Vague { get; set; }
    public bool? Sporadic { get; set; }
}

public sealed record ExMessageView(
    Guid Id,
    DateTime ReceivedAt,
    string Text,
    Substance Substance,
    ExMessageAdvice Advice,
    IReadOnlyList<JudgementPoint> Points,
    ControlReading? Control = null)
{
    /// <summary>On the healing track the message is read for control, not weighed for substance.</summary>
    public bool HealingTrack => Control is not null;
    /// <summary>
    /// What the crisis reader found in the ex's words (a threat to the user, or the ex threatening their own life): on one
    /// message (judged or opened), left out of lists. On a crisis the safety answer replaces the usual reading.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }
}

/// <summary>Helps judge a message from the ex: substance or breadcrumbs, and what the program advises now.</summary>
public sealed class ExMessageHandler(RekindleDbContext db, UserCipher cipher, DashboardHandler dashboard, TimeProvider clock, SafetyNet safety)
{
    public const int MaxLength = 10_000;
    public const string TextField = "ex-message.text";

    public async Task<Outcome<ExMessageView>> JudgeAsync(Guid userId, ExMessageInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = bindingErrors ?? new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(nameof(input.Text), "Paste or type what they sent.");
        }
        else if (input.Text.Length > MaxLength)
        {
            errors.Add(nameof(input.Text), $"That's longer than {MaxLength:N0} characters. Paste the part that matters most.");
        }

        var nowLocal = LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, profile.Zone());
        if (input.ReceivedAt is not { } received)
        {
            errors.Add(nameof(input.ReceivedAt), "Enter when it arrived.");
        }
        else if (received > nowLocal.AddMinutes(5))
        {
            errors.Add(nameof(input.ReceivedAt), "That time is in the future. Enter when it arrived.");
        }

        if (errors.Any)
        {
            return Outcome<ExMessageView>.Invalid(errors);
        }

        var receivedLocal = input.ReceivedAt!.Value;
        var answers = new ExMessageAnswers(
            input.AcknowledgesWhatWentWrong, input.ShowsEvidenceOfChange, input.StatesClearIntention, input.IsEmergencyOrLogistics,
            ExMessageJudge.IsLateNight(TimeOnly.FromDateTime(receivedLocal)), input.Vague, input.Sporadic);
        var phase = (await dashboard.GetAsync(userId, cancellationToken)).Phase;
        var judgement = ExMessageJudge.Judge(answers, phase, profile.SafetyPivot);
        var message = new ExMessage
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            ReceivedAt = LocalTime.ToUtc(receivedLocal, profile.Zone()),
            LocalDate = DateOnly.FromDateTime(receivedLocal),
            TextCipher = (await cipher.EncryptAsync(userId, TextField, input.Text!.Trim(), cancellationToken))!,
            AcknowledgesWhatWentWrong = answers.AcknowledgesWhatWentWrong,
            ShowsEvidenceOfChange = answers.ShowsEvidenceOfChange,
            StatesClearIntention = answers.StatesClearIntention,
            IsEmergencyOrLogistics = answers.IsEmergencyOrLogistics,
            LateAtNight = answers.LateAtNight,
            Vague = answers.Vague,
            Sporadic = answers.Sporadic,
            Substance = judgement.Substance,
            Advice = judgement.Advice,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await ExMessageChecklist.SealAsync(cipher, message, cancellationToken);
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ExMessageView>.Ok(await ToViewAsync(message, profile.Zone(), profile.SafetyPivot, cancellationToken)
            with { Safety = await safety.CheckAsync(userId, Voice.Ex, cancellationToken, input.Text) });
    }

    public async Task<ExMessageView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<ExMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var view = await ToViewAsync(row, profile.Zone(), profile.SafetyPivot, cancellationToken);
        return view with { Safety = await safety.ShowAsync(userId, Voice.Ex, cancellationToken, view.Text) };
    }

    /// <summary>
    /// The user's messages, newest first, each read for danger: there are few of them, and a threat must not be listed
    /// as if it were an ordinary message.
    /// </summary>
    public async Task<IReadOnlyList<ExMessageView>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var zone = profile.Zone();
        var rows = await db.Set<ExMessage>().AsNoTracking().Where(m => m.UserId == userId).OrderByDescending(m => m.ReceivedAt).ToListAsync(cancellationToken);
        var views = new List<ExMessageView>(rows.Count);
        foreach (var row in rows)
        {
            var view = await ToViewAsync(row, zone, profile.SafetyPivot, cancellationToken);
            views.Add(view with { Safety = await safety.ShowAsync(userId, Voice.Ex, cancellationToken, view.Text) });
        }

        return views;
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<ExMessage>().Where(m => m.Id == id && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// The stored advice is what was said at the time; the points are recomputed from the stored answers. On the
    /// healing track (the profile as it is now) the text is read for control instead, and no substance points are given.
    /// </summary>
    private async Task<ExMessageView> ToViewAsync(ExMessage row, TimeZoneInfo zone, bool healingTrack, CancellationToken cancellationToken)
    {
        await ExMessageChecklist.OpenAsync(cipher, row, cancellationToken);
        var answers = new ExMessageAnswers(row.AcknowledgesWhatWentWrong, row.ShowsEvidenceOfChange, row.StatesClearIntention, row.IsEmergencyOrLogistics, row.LateAtNight, row.Vague, row.Sporadic);
        var points = ExMessageJudge.Judge(answers, Rekindle.Core.Journey.Phase.NoContact, healingTrack).Points;
        var text = (await cipher.DecryptAsync(row.UserId, TextField, row.TextCipher, cancellationToken))!;
        return new ExMessageView(row.Id, LocalTime.FromUtc(row.ReceivedAt, zone), text, row.Substance, row.Advice, points, healingTrack ? ControlReader.Read(text) : null);
    }
}
