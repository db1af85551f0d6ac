using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Journeys;

/// <summary>
/// Moving through the program by choice, backward or forward. The phases that coach getting back together ask the
/// reconciliation policy first; nothing else refuses a move.
/// </summary>
public sealed class JourneyHandler(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, PageStrings strings, TimeProvider clock, ReconciliationGate gate)
{
    internal const string PhaseField = "journey-phase";

    /// <summary>For a phase's page: the policy's refusal when the phase coaches getting back together and that is closed.</summary>
    public async Task<ReconciliationRefusal?> PhaseRefusalAsync(Guid userId, Phase phase, CancellationToken cancellationToken = default)
    {
        if (!phase.IsReconciliation() && phase != Phase.Decide)
        {
            return null;
        }

        var decision = await gate.DecideAsync(userId, cancellationToken);
        return decision.Closes(phase) ? new ReconciliationRefusal(decision) : null;
    }

    /// <summary>Moves to a phase (its id), or back to following the recommendation (empty). The value is the phase id moved to, or "".</summary>
    public async Task<Outcome<string>> MoveAsync(Guid userId, string? phaseId, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!Phases.TryParse(phaseId, out var phase) && !string.IsNullOrEmpty(phaseId))
        {
            errors.Add("Phase", strings["invalid.choose-phase"]);
            return Outcome<string>.Invalid(errors);
        }

        if (!string.IsNullOrEmpty(phaseId) && await PhaseRefusalAsync(userId, phase, cancellationToken) is { } refusal)
        {
            return Outcome<string>.Refused(refusal);
        }

        await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var state = await db.Set<JourneyState>().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (state is null)
        {
            state = new JourneyState { UserId = userId };
            db.Add(state);
        }

        // An empty choice goes back to following the program's recommendation.
        var chosen = string.IsNullOrEmpty(phaseId) ? null : phase.Id();
        state.ChosenPhaseCipher = await cipher.EncryptAsync(userId, PhaseField, chosen, cancellationToken);
        state.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<string>.Ok(chosen ?? "");
    }
}
