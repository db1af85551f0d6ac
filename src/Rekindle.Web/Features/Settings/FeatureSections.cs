using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.ExMessages;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;
using Rekindle.Web.Features.ExMessages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Urges;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Settings;

public sealed record ProfileRecord(
    string TimeZoneId, string CountryCode, WhoEnded? WhoEnded, DateOnly? BreakupDate, int? MonthsTogether, BreakupKind? BreakupKind,
    bool SharesChildren, bool SharesWork, bool SharesHome, bool SharesFriends, bool SharesPets, DateTime? SituationCompletedAt,
    bool SafetyAbuse, bool SafetyThreats, bool SafetyControlling, bool SafetyRepeatedBetrayal, DateTime? SafetyCompletedAt,
    DateOnly? NoContactStartedOn, int NoContactTargetDays, DateTime? ExThreatFoundAt = null);

public sealed class ProfileSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "profile";
    public int Order => 0;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var p = await db.Profiles.AsNoTracking().SingleAsync(x => x.UserId == userId, cancellationToken);
        await Shared.ProfileAnswers.OpenAsync(cipher, p, cancellationToken);
        return ExportJson.ToNode(new ProfileRecord(p.TimeZoneId, p.CountryCode, p.WhoEnded, p.BreakupDate, p.MonthsTogether, p.BreakupKind,
            p.SharesChildren, p.SharesWork, p.SharesHome, p.SharesFriends, p.SharesPets, p.SituationCompletedAt,
            p.SafetyAbuse, p.SafetyThreats, p.SafetyControlling, p.SafetyRepeatedBetrayal, p.SafetyCompletedAt,
            p.NoContactStartedOn, p.NoContactTargetDays, p.ExThreatFoundAt));
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        var r = ExportJson.Read<ProfileRecord>(node, Name);
        if (!Rekindle.Core.Time.LocalCalendar.TryFindZone(r.TimeZoneId, out _) || r.CountryCode is not { Length: 2 } || !NoContactTarget.IsValid(r.NoContactTargetDays))
        {
            throw new ImportException("The profile has a time zone, country or target this installation doesn't accept.");
        }

        var p = await db.Profiles.SingleAsync(x => x.UserId == userId, cancellationToken);
        await Shared.ProfileAnswers.OpenAsync(cipher, p, cancellationToken);
        (p.TimeZoneId, p.CountryCode, p.WhoEnded, p.BreakupDate, p.MonthsTogether, p.BreakupKind) = (r.TimeZoneId, r.CountryCode, r.WhoEnded, r.BreakupDate, r.MonthsTogether, r.BreakupKind);
        (p.SharesChildren, p.SharesWork, p.SharesHome, p.SharesFriends, p.SharesPets, p.SituationCompletedAt) = (r.SharesChildren, r.SharesWork, r.SharesHome, r.SharesFriends, r.SharesPets, r.SituationCompletedAt);
        (p.SafetyAbuse, p.SafetyThreats, p.SafetyControlling, p.SafetyRepeatedBetrayal, p.SafetyCompletedAt) = (r.SafetyAbuse, r.SafetyThreats, r.SafetyControlling, r.SafetyRepeatedBetrayal, r.SafetyCompletedAt);
        (p.NoContactStartedOn, p.NoContactTargetDays, p.ExThreatFoundAt) = (r.NoContactStartedOn, r.NoContactTargetDays, r.ExThreatFoundAt);
        p.UpdatedAt = DateTime.UtcNow;
        await Shared.ProfileAnswers.SealAsync(cipher, p, cancellationToken);
    }
}

public sealed record ContactRecord(Guid Id, DateTime OccurredAt, DateOnly LocalDate, ContactInitiator Initiator, bool RestartedCount, string? Note, DateTime CreatedAt);

public sealed class ContactsSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "contacts";
    public int Order => 1;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<ContactRecord>();
        foreach (var c in await db.Contacts.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.OccurredAt).ToListAsync(cancellationToken))
        {
            records.Add(new(c.Id, c.OccurredAt, c.LocalDate, c.Initiator, c.RestartedCount, await cipher.DecryptAsync(userId, NoContactHandler.NoteField, c.NoteCipher, cancellationToken), c.CreatedAt));
        }

        // Ties on time are broken by content so an export and its re-import list records in the same order.
        return ExportJson.ToNode(records.OrderBy(r => r.OccurredAt).ThenBy(r => r.Note, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var r in ExportJson.Read<List<ContactRecord>>(node, Name))
        {
            if (!Enum.IsDefined(r.Initiator) || r.Note?.Length > RekindleDbContext.NoteMaxLength)
            {
                throw new ImportException("A contact has an unknown initiator or a note that is too long.");
            }

            db.Contacts.Add(new ContactEvent
            {
                Id = context.NewId(r.Id), UserId = userId, OccurredAt = r.OccurredAt, LocalDate = r.LocalDate, Initiator = r.Initiator,
                RestartedCount = r.RestartedCount, NoteCipher = await cipher.EncryptAsync(userId, NoContactHandler.NoteField, r.Note, cancellationToken), CreatedAt = r.CreatedAt,
            });
        }
    }
}

public sealed record UrgeRecord(Guid Id, DateTime OccurredAt, DateOnly LocalDate, int Intensity, string? Trigger, UrgeAlternative? Alternative, UrgeOutcome Outcome, DateTime? ResolvedAt);

public sealed class UrgesSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "urges";
    public int Order => 2;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<UrgeRecord>();
        foreach (var u in await db.Set<Urge>().AsNoTracking().Where(u => u.UserId == userId).OrderBy(u => u.OccurredAt).ToListAsync(cancellationToken))
        {
            await UrgeDetails.OpenAsync(cipher, u, cancellationToken);
            records.Add(new(u.Id, u.OccurredAt, u.LocalDate, u.Intensity, await cipher.DecryptAsync(userId, UrgeHandler.TriggerField, u.TriggerCipher, cancellationToken), u.Alternative, u.Outcome, u.ResolvedAt));
        }

        return ExportJson.ToNode(records.OrderBy(r => r.OccurredAt).ThenBy(r => r.Trigger, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var r in ExportJson.Read<List<UrgeRecord>>(node, Name))
        {
            if (r.Intensity is < 1 or > 10 || r.Trigger?.Length > UrgeHandler.MaxTriggerLength)
            {
                throw new ImportException("An urge has an intensity outside 1 to 10, or a trigger that is too long.");
            }

            var urge = new Urge
            {
                Id = context.NewId(r.Id), UserId = userId, OccurredAt = r.OccurredAt, LocalDate = r.LocalDate, Intensity = r.Intensity,
                TriggerCipher = await cipher.EncryptAsync(userId, UrgeHandler.TriggerField, r.Trigger, cancellationToken),
                Alternative = r.Alternative, Outcome = r.Outcome,
                // Only the time shows that an urge is over (its outcome is encrypted): an older export may lack it.
                ResolvedAt = r.Outcome == UrgeOutcome.Pending ? r.ResolvedAt : r.ResolvedAt ?? r.OccurredAt,
            };
            await UrgeDetails.SealAsync(cipher, urge, cancellationToken);
            db.Add(urge);
        }
    }
}

public sealed record LetterRecord(Guid Id, DateTime CreatedAt, DateOnly LocalDate, string Body, Guid? UrgeId);

public sealed class LettersSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "letters";
    public int Order => 3;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<LetterRecord>();
        foreach (var l in await db.Set<UnsentLetter>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken))
        {
            records.Add(new(l.Id, l.CreatedAt, l.LocalDate, (await cipher.DecryptAsync(userId, LettersHandler.BodyField, l.BodyCipher, cancellationToken))!, l.UrgeId));
        }

        return ExportJson.ToNode(records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Body, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var r in ExportJson.Read<List<LetterRecord>>(node, Name))
        {
            if (string.IsNullOrEmpty(r.Body) || r.Body.Length > LettersHandler.MaxLength)
            {
                throw new ImportException("A letter is empty or longer than this installation accepts.");
            }

            db.Add(new UnsentLetter
            {
                Id = context.NewId(r.Id), UserId = userId, CreatedAt = r.CreatedAt, LocalDate = r.LocalDate,
                BodyCipher = (await cipher.EncryptAsync(userId, LettersHandler.BodyField, r.Body, cancellationToken))!,
                UrgeId = context.Mapped(r.UrgeId),
            });
        }
    }
}

public sealed record ExMessageRecord(
    Guid Id, DateTime ReceivedAt, DateOnly LocalDate, string Text, bool? AcknowledgesWhatWentWrong, bool? ShowsEvidenceOfChange, bool? StatesClearIntention,
    bool? IsEmergencyOrLogistics, bool? LateAtNight, bool? Vague, bool? Sporadic, Substance Substance, ExMessageAdvice Advice, DateTime CreatedAt);

public sealed class ExMessagesSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "exMessages";
    public int Order => 4;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<ExMessageRecord>();
        foreach (var m in await db.Set<ExMessage>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.ReceivedAt).ToListAsync(cancellationToken))
        {
            await ExMessageChecklist.OpenAsync(cipher, m, cancellationToken);
            records.Add(new(m.Id, m.ReceivedAt, m.LocalDate, (await cipher.DecryptAsync(userId, ExMessageHandler.TextField, m.TextCipher, cancellationToken))!,
                m.AcknowledgesWhatWentWrong, m.ShowsEvidenceOfChange, m.StatesClearIntention, m.IsEmergencyOrLogistics, m.LateAtNight, m.Vague, m.Sporadic, m.Substance, m.Advice, m.CreatedAt));
        }

        return ExportJson.ToNode(records.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Text, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var r in ExportJson.Read<List<ExMessageRecord>>(node, Name))
        {
            if (string.IsNullOrEmpty(r.Text) || r.Text.Length > ExMessageHandler.MaxLength)
            {
                throw new ImportException("A message from the ex is empty or too long.");
            }

            var message = new ExMessage
            {
                Id = context.NewId(r.Id), UserId = userId, ReceivedAt = r.ReceivedAt, LocalDate = r.LocalDate,
                TextCipher = (await cipher.EncryptAsync(userId, ExMessageHandler.TextField, r.Text, cancellationToken))!,
                AcknowledgesWhatWentWrong = r.AcknowledgesWhatWentWrong, ShowsEvidenceOfChange = r.ShowsEvidenceOfChange, StatesClearIntention = r.StatesClearIntention,
                IsEmergencyOrLogistics = r.IsEmergencyOrLogistics, LateAtNight = r.LateAtNight, Vague = r.Vague, Sporadic = r.Sporadic,
                Substance = r.Substance, Advice = r.Advice, CreatedAt = r.CreatedAt,
            };
            await ExMessageChecklist.SealAsync(cipher, message, cancellationToken);
            db.Add(message);
        }
    }
}
