using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Journeys;

public sealed record TrackEventView(string Direction, DateTime At);

/// <summary>The healing track for the page and GET /api/v1/healing-track: where the user stands and the history.</summary>
public sealed record TrackView(
    bool ReconciliationOpen, string? Reason, bool OnTrack, DateTime? EnteredAt, DateTime? LeaveRequestedAt, DateTime? OpensAt,
    bool ReflectionWritten, string? Reflection, IReadOnlyList<TrackEventView> History);

public sealed class ReflectionInput
{
    public string? Text { get; set; }
}

/// <summary>
/// The one place the web app asks <see cref="ReconciliationPolicy"/>: it loads the facts (safety answers, Decide's
/// red flags and the inventory's causes, a threat found in a message from the ex, the healing track's state) and
/// records the track's history as the facts change. Every handler that coaches or records reconnection calls
/// <see cref="RefuseAsync"/> before doing the work.
/// </summary>
public sealed class ReconciliationGate(RekindleDbContext db, UserCipher cipher, PageStrings strings, TimeProvider clock)
{
    public const int MaxReflectionLength = 5_000;
    internal const string ReflectionField = "healing track reflection";

    /// <summary>Null when reconciliation is open for the user; otherwise why not and what is open instead.</summary>
    public async Task<ReconciliationRefusal?> RefuseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var decision = await DecideAsync(userId, cancellationToken);
        return decision.IsOpen ? null : new ReconciliationRefusal(decision);
    }

    /// <summary>The policy's decision from the stored facts, keeping the track's state and history in step with them.</summary>
    public async Task<ReconciliationDecision> DecideAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
            ?? await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        await ProfileAnswers.OpenAsync(cipher, profile, cancellationToken);
        var track = await db.Set<HealingTrack>().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        var decide = await LatestAnswersAsync(userId, AssessmentKinds.Decide, cancellationToken);
        var inventory = await LatestAnswersAsync(userId, AssessmentKinds.Inventory, cancellationToken);
        var facts = new ReconciliationFacts(
            profile.SafetyCompletedAt is null ? null : new SafetyAnswers(profile.SafetyAbuse, profile.SafetyThreats, profile.SafetyControlling, profile.SafetyRepeatedBetrayal),
            decide?.Chosen ?? [], inventory?.Chosen ?? [], profile.ExThreatFoundAt, State(track), now);

        var changed = false;
        if (ReconciliationPolicy.TrackReasonOf(facts) is not null)
        {
            if (track is null)
            {
                track = new HealingTrack { UserId = userId };
                db.Add(track);
            }

            if (track.EnteredAt is null)
            {
                track.EnteredAt = now;
                db.Add(new HealingTrackEvent { Id = Guid.CreateVersion7(), UserId = userId, Direction = TrackDirections.Entered, At = now });
                changed = true;
            }

            // A reason came back (or is still there): any leaving that was under way stops.
            if (track.LeaveRequestedAt is not null)
            {
                track.LeaveRequestedAt = null;
                changed = true;
            }
        }

        var decision = ReconciliationPolicy.Decide(facts with { Track = State(track) });
        if (decision.IsOpen && track?.EnteredAt is not null)
        {
            track.EnteredAt = null;
            track.LeaveRequestedAt = null;
            db.Add(new HealingTrackEvent { Id = Guid.CreateVersion7(), UserId = userId, Direction = TrackDirections.Left, At = now });
            changed = true;
        }

        if (changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request recorded the same step at the same moment; its record stands.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is HealingTrack or HealingTrackEvent).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        return decision;
    }

    /// <summary>
    /// The user confirmed undoing a reason for the healing track: the waiting week starts now. If another reason is
    /// still there, the next decision stops it again.
    /// </summary>
    public async Task StartLeavingAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await DecideAsync(userId, cancellationToken);
        var track = await db.Set<HealingTrack>().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (track?.EnteredAt is null)
        {
            return;
        }

        track.LeaveRequestedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await DecideAsync(userId, cancellationToken);
    }

    /// <summary>Whether the user is on the healing track now (so undoing a reason asks for confirmation).</summary>
    public async Task<bool> OnTrackAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await DecideAsync(userId, cancellationToken);
        return await db.Set<HealingTrack>().AnyAsync(t => t.UserId == userId && t.EnteredAt != null, cancellationToken);
    }

    public async Task<TrackView> TrackAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var decision = await DecideAsync(userId, cancellationToken);
        var track = await db.Set<HealingTrack>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        var history = await db.Set<HealingTrackEvent>().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At)
            .Select(e => new TrackEventView(e.Direction, e.At)).ToListAsync(cancellationToken);
        var state = State(track);
        return new TrackView(
            decision.IsOpen, decision.Reason is { } reason ? ReconciliationRefusal.ReasonCode(reason) : null, state.OnTrack, track?.EnteredAt, track?.LeaveRequestedAt,
            decision.OpensAt, state.ReflectionWritten,
            track is null ? null : await cipher.DecryptAsync(userId, ReflectionField, track.ReflectionCipher, cancellationToken), history);
    }

    /// <summary>The short reflection asked for before leaving the track. Written once leaving has been confirmed.</summary>
    public async Task<Outcome<TrackView>> ReflectAsync(Guid userId, ReflectionInput input, CancellationToken cancellationToken = default)
    {
        await DecideAsync(userId, cancellationToken);
        var errors = new FieldErrors();
        var track = await db.Set<HealingTrack>().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (track is not { EnteredAt: not null, LeaveRequestedAt: not null })
        {
            errors.Add(string.Empty, strings["track.invalid.not-leaving"]);
        }
        else if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(nameof(input.Text), strings["track.invalid.reflection-missing"]);
        }
        else if (input.Text.Length > MaxReflectionLength)
        {
            errors.Add(nameof(input.Text), Messages.TooLong(strings, "track.invalid.reflection-too-long", MaxReflectionLength, input.Text.Length));
        }

        if (errors.Any)
        {
            return Outcome<TrackView>.Invalid(errors);
        }

        track!.ReflectionCipher = await cipher.EncryptAsync(userId, ReflectionField, input.Text!.Trim(), cancellationToken);
        track.ReflectedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TrackView>.Ok(await TrackAsync(userId, cancellationToken));
    }

    private static TrackState State(HealingTrack? track) => track is null
        ? TrackState.None
        : new TrackState(track.EnteredAt, track.LeaveRequestedAt,
            track.ReflectionCipher is not null && track.ReflectedAt is { } at && track.LeaveRequestedAt is { } asked && at >= asked);

    private async Task<AssessmentAnswers?> LatestAnswersAsync(Guid userId, string kind, CancellationToken cancellationToken)
    {
        var cipherText = await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId && a.Kind == kind)
            .OrderByDescending(a => a.CreatedAt).Select(a => a.AnswersCipher).FirstOrDefaultAsync(cancellationToken);
        return cipherText is null ? null : AssessmentHandler.Read(await cipher.DecryptAsync(userId, AssessmentHandler.AnswersField, cipherText, cancellationToken));
    }
}
