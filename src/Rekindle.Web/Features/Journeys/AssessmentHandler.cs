using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Journeys;

/// <summary>Every assessment's answers: ids chosen, short texts by id, and (decide) the user's decision.</summary>
public sealed class AssessmentAnswers
{
    /// <summary>Ids ticked (causes, reasons, flags, signs, steps).</summary>
    public List<string> Chosen { get; set; } = [];

    /// <summary>Answers by id: texts, "yes"/"no"/"unsure", cause weights ("1".."3") and kinds ("situational"/"character").</summary>
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>Decide only: pursue, not-now or let-go.</summary>
    public string? Decision { get; set; }
}

public sealed record AssessmentView(Guid Id, string Kind, DateTime SavedAt, DateOnly LocalDate, AssessmentAnswers Answers, string? Decision)
{
    /// <summary>What the crisis reader found in the written answers: on one revision (saved or opened), left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }
}

/// <summary>Saves and reads assessments as revisions: each save is a new version, so the history stays.</summary>
public sealed class AssessmentHandler(RekindleDbContext db, UserCipher cipher, ProgramContent content, TimeProvider clock, ReconciliationGate gate, SafetyNet safety)
{
    public const int MaxTextLength = 5_000;
    internal const string AnswersField = "assessment.answers";
    internal const string DecisionField = "assessment-decision";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PageStrings T => content.Strings;

    public async Task<IReadOnlyList<AssessmentView>> HistoryAsync(Guid userId, string kind, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId && a.Kind == kind)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        var views = new List<AssessmentView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ToViewAsync(row, cancellationToken));
        }

        return views;
    }

    public async Task<AssessmentView?> LatestAsync(Guid userId, string kind, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId && a.Kind == kind)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await ToViewAsync(row, cancellationToken);
    }

    public async Task<AssessmentView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<AssessmentRevision>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var view = await ToViewAsync(row, cancellationToken);
        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, [.. view.Answers.Values.Values]) };
    }

    /// <summary>The assessments that lead back toward the relationship: closed by the reconciliation policy.</summary>
    public static bool IsReconciliation(string kind) => kind is AssessmentKinds.Signs or AssessmentKinds.Readiness or AssessmentKinds.Rebuild;

    /// <summary>For a page about to show an assessment: the policy's refusal when the assessment is a reconciliation tool.</summary>
    public async Task<ReconciliationRefusal?> RefusalAsync(Guid userId, string kind, CancellationToken cancellationToken = default)
    {
        if (IsReconciliation(kind))
        {
            return await gate.RefuseAsync(userId, cancellationToken);
        }

        if (kind == AssessmentKinds.Decide && await gate.DecideAsync(userId, cancellationToken) is var decision && decision.ClosesDecide())
        {
            return new ReconciliationRefusal(decision);
        }

        return null;
    }

    /// <summary>Whether "Pursue" can be chosen now (for the Decide page, which offers it only then).</summary>
    public Task<ReconciliationRefusal?> PursueRefusalAsync(Guid userId, CancellationToken cancellationToken = default) => gate.RefuseAsync(userId, cancellationToken);

    /// <summary>
    /// Saves a new version. Reconciliation tools and Decide's "Pursue" ask the reconciliation policy first. Taking
    /// abuse out of Decide's red flags or the inventory's causes while on the healing track needs
    /// <paramref name="confirmLeavingTrack"/>, and then starts the waiting week.
    /// </summary>
    public async Task<Outcome<AssessmentView>> SaveAsync(Guid userId, string kind, AssessmentAnswers answers, bool confirmLeavingTrack = false, CancellationToken cancellationToken = default)
    {
        var pursue = kind == AssessmentKinds.Decide && answers.Decision == Decisions.Id(Rekindle.Core.Journey.Decision.Pursue);
        if (await RefusalAsync(userId, kind, cancellationToken) is { } closed)
        {
            return Outcome<AssessmentView>.Refused(closed);
        }

        if (pursue)
        {
            if (await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
            {
                return Outcome<AssessmentView>.Refused(refusal);
            }

            if (answers.Chosen.Any(ReconciliationPolicy.AbuseRedFlags.Contains))
            {
                return Outcome<AssessmentView>.Refused(new ReconciliationRefusal(ReconciliationPolicy.Closed(ReconciliationReason.RedFlag)));
            }
        }

        var errors = Validate(kind, answers);
        if (pursue && await CoolingAsync(userId, cancellationToken) is { PursueOpen: false } cooling)
        {
            // Asked only after the reconciliation policy above: the pause never opens what safety closed.
            errors.Add(nameof(answers.Decision), CoolingMessage(cooling));
        }

        var abuse = AbuseIds(kind);
        var leaving = false;
        if (!errors.Any && abuse is not null && !answers.Chosen.Any(abuse.Contains)
            && (await LatestAsync(userId, kind, cancellationToken))?.Answers.Chosen.Any(abuse.Contains) == true
            && await gate.OnTrackAsync(userId, cancellationToken))
        {
            leaving = true;
            if (!confirmLeavingTrack)
            {
                errors.Add(ConfirmLeavingTrackField, T["track.confirm-explain"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<AssessmentView>.Invalid(errors);
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new AssessmentRevision
        {
            Id = Guid.CreateVersion7(), UserId = userId, Kind = kind, CreatedAt = now.UtcDateTime, LocalDate = LocalCalendar.DateIn(now, profile.Zone()),
            DecisionCipher = kind == AssessmentKinds.Decide ? await cipher.EncryptAsync(userId, DecisionField, answers.Decision, cancellationToken) : null,
            AnswersCipher = (await cipher.EncryptAsync(userId, AnswersField, JsonSerializer.Serialize(answers, Json), cancellationToken))!,
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        if (leaving)
        {
            await gate.StartLeavingAsync(userId, cancellationToken);
        }
        else if (abuse is not null)
        {
            // A red flag or cause just ticked puts the user on the healing track now, with its date in the history.
            await gate.DecideAsync(userId, cancellationToken);
        }

        return Outcome<AssessmentView>.Ok(await ToViewAsync(row, cancellationToken)
            with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, [.. answers.Values.Values]) });
    }

    /// <summary>The cooling period before "Pursue", counted from the first finished inventory in the user's own days.</summary>
    public async Task<CoolingState> CoolingAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        return CoolingPeriod.Evaluate(await InventoryFinishedOnAsync(userId, cancellationToken), profile.Today(clock));
    }

    /// <summary>Why "Pursue" isn't open yet: the count, and the day it opens when known.</summary>
    public string CoolingMessage(CoolingState cooling) =>
        cooling.OpensOn is { } opens ? $"{T[cooling.Detail]} {T.Format("cooling.opens-on", ("date", opens.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)))}" : T[cooling.Detail];

    /// <summary>The local day of the first inventory version that was finished (a cause, your part and theirs), or null.</summary>
    private async Task<DateOnly?> InventoryFinishedOnAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId && a.Kind == AssessmentKinds.Inventory)
            .OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (InventoryComplete(Read(await cipher.DecryptAsync(row.UserId, AnswersField, row.AnswersCipher, cancellationToken))))
            {
                return row.LocalDate;
            }
        }

        return null;
    }

    /// <summary>The field name of the confirmation asked for before leaving the healing track.</summary>
    public const string ConfirmLeavingTrackField = "ConfirmLeavingTrack";

    private static IReadOnlySet<string>? AbuseIds(string kind) => kind switch
    {
        AssessmentKinds.Decide => ReconciliationPolicy.AbuseRedFlags,
        AssessmentKinds.Inventory => ReconciliationPolicy.AbuseCauses,
        _ => null,
    };

    internal static AssessmentAnswers Read(string? json) =>
        json is null ? new AssessmentAnswers() : JsonSerializer.Deserialize<AssessmentAnswers>(json, Json) ?? new AssessmentAnswers();

    /// <summary>Every id must be one the content knows; texts have a size; decide needs a decision when one is given.</summary>
    public FieldErrors Validate(string kind, AssessmentAnswers answers)
    {
        var errors = new FieldErrors();
        if (!AssessmentKinds.All.Contains(kind))
        {
            errors.Add("kind", T["invalid.unknown-assessment"]);
            return errors;
        }

        var known = KnownIds(kind);
        foreach (var id in answers.Chosen.Where(id => !known.Contains(id)))
        {
            errors.Add(nameof(answers.Chosen), T.Format("invalid.not-a-choice", ("choice", Shorten(id))));
        }

        foreach (var (key, value) in answers.Values)
        {
            if (!known.Contains(key) && !known.Contains(key.Split(':')[0]))
            {
                errors.Add(nameof(answers.Values), T.Format("invalid.not-a-question", ("question", Shorten(key))));
            }
            else if (value?.Length > MaxTextLength)
            {
                errors.Add(key, Messages.TooLong(T, "invalid.answer-too-long", MaxTextLength, value.Length));
            }
        }

        if (answers.Decision is not null && (kind != AssessmentKinds.Decide || Decisions.Parse(answers.Decision) is null))
        {
            errors.Add(nameof(answers.Decision), T["invalid.decision"]);
        }

        if (kind == AssessmentKinds.Inventory && !answers.Chosen.Any(id => content.Inventory.Causes.Any(c => c.Id == id)))
        {
            errors.Add(nameof(answers.Chosen), T["invalid.inventory-needs-a-cause"]);
        }

        return errors;
    }

    /// <summary>The inventory is done when it names a cause and both parts are written.</summary>
    public static bool InventoryComplete(AssessmentAnswers answers) =>
        answers.Chosen.Count > 0
        && answers.Values.TryGetValue("my-part", out var mine) && !string.IsNullOrWhiteSpace(mine)
        && answers.Values.TryGetValue("their-part", out var theirs) && !string.IsNullOrWhiteSpace(theirs);

    public DecisionAdvice Advice(AssessmentAnswers answers) =>
        DecisionAdvisor.Explain(new DecideAnswers(
            answers.Chosen, answers.Chosen, answers.Values.Where(v => content.Decide.Questions.Any(q => q.Id == v.Key)).ToDictionary(),
            answers.Chosen, answers.Chosen, answers.Values), content.Decide);

    private HashSet<string> KnownIds(string kind) => kind switch
    {
        AssessmentKinds.Inventory => [.. content.Inventory.Causes.Select(c => c.Id), .. content.Inventory.Prompts.Select(p => p.Id)],
        AssessmentKinds.Decide => [.. content.Decide.ReasonsFor.Concat(content.Decide.ReasonsAgainst).Concat(content.Decide.Questions).Concat(content.Decide.RedFlags).Concat(content.Decide.GreenLights).Concat(content.Decide.RealityCheck).Select(c => c.Id)],
        AssessmentKinds.Signs => [.. content.Signs.Select(s => s.Id)],
        AssessmentKinds.Readiness => [.. content.Readiness.Select(r => r.Id)],
        AssessmentKinds.Rebuild => [.. content.RebuildCheckIn.Select(r => r.Id)],
        AssessmentKinds.Accept => [.. content.Accept.Steps.Select(s => s.Id)],
        _ => [.. content.Heal.Steps.Select(s => s.Id)],
    };

    // A hostile or broken form can send an empty tick, which model binding turns into null: name it as empty.
    private static string Shorten(string? id) => id is null ? "" : id.Length > 40 ? id[..40] + "…" : id;

    internal async Task<AssessmentView> ToViewAsync(AssessmentRevision row, CancellationToken cancellationToken)
    {
        var answers = Read(await cipher.DecryptAsync(row.UserId, AnswersField, row.AnswersCipher, cancellationToken));
        return new AssessmentView(row.Id, row.Kind, row.CreatedAt, row.LocalDate, answers, await cipher.DecryptAsync(row.UserId, DecisionField, row.DecisionCipher, cancellationToken));
    }
}
