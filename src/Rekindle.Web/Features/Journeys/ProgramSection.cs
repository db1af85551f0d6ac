using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Journeys;

public sealed record PlanItemRecord(int Day, PlanItem Item, DateTime CompletedAt);

public sealed record AssessmentRecord(string Kind, DateTime CreatedAt, DateOnly LocalDate, AssessmentAnswers Answers, string? Decision);

public sealed record StageRecord(string Stage, DateOnly OccurredOn, string? Note, string? Outcome, DateTime CreatedAt);

public sealed record ProgramRecord(string? ChosenPhase, IReadOnlyList<PlanItemRecord> PlanItemsDone, IReadOnlyList<AssessmentRecord> Assessments, IReadOnlyList<StageRecord> Stages, int? NoReplyDays = null);

/// <summary>The program's part of the export: the chosen phase, plan items done, every assessment version and the stage log.</summary>
public sealed class ProgramSection(RekindleDbContext db, AssessmentHandler assessments, StageHandler stages, UserCipher cipher) : IExportSection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "program";
    public int Order => 13;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var state = await db.Set<JourneyState>().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.ChosenPhaseCipher, s.NoReplyDays }).SingleOrDefaultAsync(cancellationToken);
        var chosen = await cipher.DecryptAsync(userId, JourneyHandler.PhaseField, state?.ChosenPhaseCipher, cancellationToken);
        var items = await db.Set<PlanCompletion>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Day).ThenBy(c => c.Item)
            .Select(c => new PlanItemRecord(c.Day, c.Item, c.CompletedAt)).ToListAsync(cancellationToken);
        var revisions = new List<AssessmentRecord>();
        foreach (var row in await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Kind).ToListAsync(cancellationToken))
        {
            var view = await assessments.ToViewAsync(row, cancellationToken);
            revisions.Add(new(row.Kind, row.CreatedAt, row.LocalDate, view.Answers, view.Decision));
        }

        var log = (await stages.ListAsync(userId, cancellationToken)).ToList();
        var created = await db.Set<StageEvent>().AsNoTracking().Where(e => e.UserId == userId).ToDictionaryAsync(e => e.Id, e => e.CreatedAt, cancellationToken);
        return ExportJson.ToNode(new ProgramRecord(chosen, items,
            revisions.OrderBy(r => r.CreatedAt).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => JsonSerializer.Serialize(r.Answers, Json), StringComparer.Ordinal).ToList(),
            log.Select(e => new StageRecord(e.Stage, e.OccurredOn, e.Note, e.Outcome, created[e.Id])).OrderBy(e => e.OccurredOn).ThenBy(e => e.CreatedAt).ThenBy(e => e.Stage, StringComparer.Ordinal).ToList(),
            state?.NoReplyDays));
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return;
        }

        var record = ExportJson.Read<ProgramRecord>(node, Name);
        if (record.NoReplyDays is { } days && !Rekindle.Core.Journey.NoReply.IsValidWaitDays(days))
        {
            throw new ImportException("The program section's days to wait for a reply are out of range.");
        }

        if (record.ChosenPhase is not null || record.NoReplyDays is not null)
        {
            if (record.ChosenPhase is not null && !Rekindle.Core.Journey.Phases.TryParse(record.ChosenPhase, out _))
            {
                throw new ImportException("The program section names a phase this installation doesn't know.");
            }

            db.Add(new JourneyState
            {
                UserId = userId, NoReplyDays = record.NoReplyDays, ChangedAt = DateTime.UtcNow,
                ChosenPhaseCipher = await cipher.EncryptAsync(userId, JourneyHandler.PhaseField, record.ChosenPhase, cancellationToken),
            });
        }

        foreach (var item in record.PlanItemsDone ?? [])
        {
            if (item.Day < 1 || !Enum.IsDefined(item.Item))
            {
                throw new ImportException("A daily-plan item in the file is not valid.");
            }

            db.Add(new PlanCompletion { Id = Guid.CreateVersion7(), UserId = userId, Day = item.Day, Item = item.Item, CompletedAt = item.CompletedAt });
        }

        foreach (var revision in record.Assessments ?? [])
        {
            if (assessments.Validate(revision.Kind, revision.Answers ?? new AssessmentAnswers()).Any
                || (revision.Decision is not null && (revision.Kind != AssessmentKinds.Decide || Decisions.Parse(revision.Decision) is null)))
            {
                throw new ImportException($"A saved \"{revision.Kind}\" assessment in the file doesn't match this installation's questions.");
            }

            db.Add(new AssessmentRevision
            {
                Id = Guid.CreateVersion7(), UserId = userId, Kind = revision.Kind, CreatedAt = revision.CreatedAt, LocalDate = revision.LocalDate,
                DecisionCipher = await cipher.EncryptAsync(userId, AssessmentHandler.DecisionField, revision.Decision, cancellationToken),
                AnswersCipher = (await cipher.EncryptAsync(userId, AssessmentHandler.AnswersField, JsonSerializer.Serialize(revision.Answers, Json), cancellationToken))!,
            });
        }

        foreach (var stage in record.Stages ?? [])
        {
            if (!(StageTracker.IsStage(stage.Stage) || stage.Stage is Rekindle.Core.Journey.NoReply.FollowUp or Rekindle.Core.Journey.NoReply.LetItRest) || stage.Note?.Length > StageHandler.MaxNoteLength || (stage.Outcome is not null and not ("yes" or "no")))
            {
                throw new ImportException("A stage in the file is not valid.");
            }

            db.Add(new StageEvent
            {
                Id = Guid.CreateVersion7(), UserId = userId, Stage = stage.Stage, OccurredOn = stage.OccurredOn, CreatedAt = stage.CreatedAt,
                OutcomeCipher = await cipher.EncryptAsync(userId, StageHandler.OutcomeField, stage.Outcome, cancellationToken),
                NoteCipher = await cipher.EncryptAsync(userId, StageHandler.NoteField, stage.Note, cancellationToken),
            });
        }
    }
}
