using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Journeys;

public sealed record JourneyView(JourneyFacts Facts, Recommendation Recommended, Phase? Chosen, UserProfile Profile)
{
    /// <summary>Where the user is: their own choice if they moved, otherwise the recommendation.</summary>
    public Phase Current => Chosen ?? Recommended.Phase;
}

/// <summary>Reads everything the engine needs to place the user in the program.</summary>
public sealed class JourneyReader(RekindleDbContext db, NoContactHandler noContact)
{
    public async Task<JourneyView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(userId, cancellationToken);
        var streak = await noContact.GetStreakAsync(profile, cancellationToken);
        var inventoryDone = await db.Set<AssessmentRevision>().AnyAsync(a => a.UserId == userId && a.Kind == AssessmentKinds.Inventory, cancellationToken);
        var decision = await db.Set<AssessmentRevision>().AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AssessmentKinds.Decide && a.Decision != null)
            .OrderByDescending(a => a.CreatedAt).Select(a => a.Decision).FirstOrDefaultAsync(cancellationToken);
        var stages = await db.Set<StageEvent>().AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.Stage, e.Outcome, e.CreatedAt }).ToListAsync(cancellationToken);
        var outcome = stages.Where(s => s.Stage == "outcome" && s.Outcome != null).OrderByDescending(s => s.CreatedAt).Select(s => s.Outcome).FirstOrDefault();
        var facts = new JourneyFacts(
            profile.SituationCompletedAt is not null, profile.SafetyCompletedAt is not null, profile.SafetyPivot, profile.NoContactStartedOn is not null, streak,
            inventoryDone, Decisions.Parse(decision), StageTracker.Furthest(stages.Select(s => s.Stage)),
            outcome switch { "yes" => TalkOutcome.Yes, "no" => TalkOutcome.No, _ => null });
        var chosen = await db.Set<JourneyState>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.ChosenPhase).SingleOrDefaultAsync(cancellationToken);
        Phase? chosenPhase = Phases.TryParse(chosen, out var p) && JourneyGuide.Access(p, profile.SafetyPivot).Allowed ? p : null;
        return new JourneyView(facts, JourneyGuide.Recommend(facts), chosenPhase, profile);
    }
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
