using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Journeys;

/// <summary>Moving through the program by choice, backward or forward. Only the safety pivot refuses a move.</summary>
public sealed class JourneyHandler(RekindleDbContext db, PageStrings strings, TimeProvider clock)
{
    public async Task<FieldErrors> MoveAsync(Guid userId, string? phaseId, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!Phases.TryParse(phaseId, out var phase) && !string.IsNullOrEmpty(phaseId))
        {
            errors.Add("Phase", strings["invalid.choose-phase"]);
            return errors;
        }

        var profile = await db.GetOrCreateAsync(userId, cancellationToken);
        if (!string.IsNullOrEmpty(phaseId) && JourneyGuide.Access(phase, profile.SafetyPivot) is { Allowed: false, Reason: var reason })
        {
            errors.Add("Phase", strings[reason!]);
            return errors;
        }

        var state = await db.Set<JourneyState>().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (state is null)
        {
            state = new JourneyState { UserId = userId };
            db.Add(state);
        }

        // An empty choice goes back to following the program's recommendation.
        state.ChosenPhase = string.IsNullOrEmpty(phaseId) ? null : phase.Id();
        state.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
