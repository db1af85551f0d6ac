using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Journeys;

/// <param name="ClosedReasonKey">
/// The page string explaining why the phases that coach getting back together are off, or null while they look
/// open. A quick reading of the profile and the healing track for lists and advice; the reconciliation gate is
/// what decides, inside every handler that does the work.
/// </param>
public sealed record JourneyView(JourneyFacts Facts, Recommendation Recommended, Phase? Chosen, UserProfile Profile, string? ClosedReasonKey = null)
{
    /// <summary>The road after a first message with no reply.</summary>
    public SilenceState Silence { get; init; } = SilenceState.None;

    /// <summary>Decide itself is off too: a yes on the safety screen, or a threat from the ex.</summary>
    public bool DecideClosed => Profile.SafetyPivot || Profile.ExThreatFoundAt is not null;

    /// <summary>Whether a phase is open, as far as this quick reading can tell.</summary>
    public PhaseAccess Access(Phase phase) => JourneyGuide.Access(phase, ClosedReasonKey, DecideClosed);

    /// <summary>The healing track: a yes on the safety screen, a threat from the ex, or a track not yet left.</summary>
    public bool OnHealingTrack => Facts.SafetyPivot;

    /// <summary>Where the user is: their own choice if they moved, otherwise the recommendation.</summary>
    public Phase Current => Chosen ?? Recommended.Phase;
}

/// <summary>Reads everything the engine needs to place the user in the program.</summary>
public sealed class JourneyReader(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, NoContactHandler noContact, TimeProvider clock)
{
    public async Task<JourneyView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // Every page and the dashboard start here, so the profile, its key and the facts come back in one round trip
        // (subqueries correlated on the profile, so SQLite can run it as joins), untracked: callers only read the
        // profile, and a handler that changes it loads its own tracked copy (Profiles.GetOrCreateAsync).
        var row = await ReadAsync(userId, cancellationToken);
        if (row is null)
        {
            await db.GetOrCreateAsync(cipher, userId, cancellationToken);
            row = await ReadAsync(userId, cancellationToken) ?? throw new InvalidOperationException("The profile just created could not be read.");
        }

        // The answers, marks, decision, phase and outcome are decrypted with the key read in the same round trip: no
        // query of its own.
        var profile = row.Profile;
        if ((profile.AnswersSealed || profile.MarksSealed || row.DecisionCipher is not null || row.ChosenCipher is not null
                || row.Stages.Any(s => s.OutcomeCipher is not null)) && row.WrappedKey is { } wrappedKey)
        {
            cipher.RememberWrappedKey(userId, wrappedKey);
        }

        await ProfileAnswers.OpenAsync(cipher, profile, cancellationToken);
        var streak = await noContact.GetStreakAsync(profile, cancellationToken);
        var outcome = await cipher.DecryptAsync(userId, StageHandler.OutcomeField,
            row.Stages.Where(s => s.Stage == "outcome" && s.OutcomeCipher != null).OrderByDescending(s => s.CreatedAt).Select(s => s.OutcomeCipher).FirstOrDefault(), cancellationToken);
        var healing = profile.SafetyPivot || profile.ExThreatFoundAt is not null || row.OnTrack;
        var closed = profile.ExThreatFoundAt is not null ? "refused.reasons.ex-threat"
            : profile.SafetyPivot ? "refused.reasons.safety-answer"
            : row.OnTrack ? "refused.reasons.on-track"
            : profile.SafetyCompletedAt is null ? "refused.reasons.screen-not-answered"
            : null;
        var talkOutcome = outcome switch { "yes" => TalkOutcome.Yes, "no" => TalkOutcome.No, _ => (TalkOutcome?)null };
        var silence = Silence(row.Stages.Select(s => (s.Stage, s.OccurredOn)).ToList(), talkOutcome is not null, row.NoReplyDays, profile.Today(clock));
        var facts = new JourneyFacts(
            profile.SituationCompletedAt is not null, profile.SafetyCompletedAt is not null, healing, profile.NoContactStartedOn is not null, streak,
            row.InventoryDone, Decisions.Parse(await cipher.DecryptAsync(userId, AssessmentHandler.DecisionField, row.DecisionCipher, cancellationToken)), StageTracker.Furthest(row.Stages.Select(s => s.Stage)),
            talkOutcome, silence.Step == SilenceStep.Ended);
        var chosen = await cipher.DecryptAsync(userId, JourneyHandler.PhaseField, row.ChosenCipher, cancellationToken);
        Phase? chosenPhase = Phases.TryParse(chosen, out var p) && JourneyGuide.Access(p, closed, profile.SafetyPivot || profile.ExThreatFoundAt is not null).Allowed ? p : null;
        return new JourneyView(facts, JourneyGuide.Recommend(facts), chosenPhase, profile, closed) { Silence = silence };
    }

    /// <summary>The road after a first message with no reply, from the stage log (shared by the reader and the stage handler).</summary>
    public static SilenceState Silence(IReadOnlyList<(string Stage, DateOnly OccurredOn)> stages, bool answered, int? waitDays, DateOnly today)
    {
        DateOnly? Day(string id) => stages.Where(s => s.Stage == id).Select(s => (DateOnly?)s.OccurredOn).Min();
        var replied = answered || stages.Any(s => StageTracker.IsStage(s.Stage) && s.Stage != "first-message");
        return NoReply.Evaluate(Day("first-message"), Day(NoReply.FollowUp), replied, stages.Any(s => s.Stage == NoReply.LetItRest), waitDays, today);
    }

    private sealed record StageRow(string Stage, string? OutcomeCipher, DateTime CreatedAt, DateOnly OccurredOn);

    private sealed record JourneyRow(UserProfile Profile, bool InventoryDone, string? DecisionCipher, string? ChosenCipher, List<StageRow> Stages, bool OnTrack, string? WrappedKey, int? NoReplyDays);

    private Task<JourneyRow?> ReadAsync(Guid userId, CancellationToken cancellationToken) => ReadJourney.For(db)(db, userId, cancellationToken);

    /// <summary>Compiled once: every page of the program and the dashboard run it.</summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, CancellationToken, Task<JourneyRow?>>> ReadJourney = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, CancellationToken _) => db.Profiles.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new JourneyRow(
                p,
                db.Set<AssessmentRevision>().Any(a => a.UserId == p.UserId && a.Kind == AssessmentKinds.Inventory),
                db.Set<AssessmentRevision>()
                    .Where(a => a.UserId == p.UserId && a.Kind == AssessmentKinds.Decide && a.DecisionCipher != null)
                    .OrderByDescending(a => a.CreatedAt).Select(a => a.DecisionCipher).FirstOrDefault(),
                db.Set<JourneyState>().Where(s => s.UserId == p.UserId).Select(s => s.ChosenPhaseCipher).FirstOrDefault(),
                db.Set<StageEvent>().Where(e => e.UserId == p.UserId).Select(e => new StageRow(e.Stage, e.OutcomeCipher, e.CreatedAt, e.OccurredOn)).ToList(),
                db.Set<HealingTrack>().Any(t => t.UserId == p.UserId && t.EnteredAt != null),
                db.UserKeys.Where(k => k.UserId == p.UserId).Select(k => k.WrappedKey).FirstOrDefault(),
                db.Set<JourneyState>().Where(s => s.UserId == p.UserId).Select(s => s.NoReplyDays).FirstOrDefault()))
            .SingleOrDefault()));
}

public static class AssessmentKinds
{
    public const string Inventory = "inventory";
    public const string Decide = "decide";
    public const string Signs = "signs";
    public const string Readiness = "readiness";
    public const string Rebuild = "rebuild";
    public const string Accept = "accept";
    public const string Heal = "heal";

    public static readonly string[] All = [Inventory, Decide, Signs, Readiness, Rebuild, Accept, Heal];
}

public static class Decisions
{
    public static string Id(this Decision decision) => decision switch { Decision.Pursue => "pursue", Decision.NotNow => "not-now", _ => "let-go" };

    public static Decision? Parse(string? id) => id switch { "pursue" => Decision.Pursue, "not-now" => Decision.NotNow, "let-go" => Decision.LetGo, _ => null };
}
