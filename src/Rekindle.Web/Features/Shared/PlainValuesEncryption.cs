using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Journal;
using Rekindle.Web.Features.Journeys;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Shared;

/// <summary>
/// One value that schema version 17 found in a plain column and the app must encrypt with its owner's key: a
/// reframe's thinking pattern, a decision, a talk's outcome, the phase chosen (<see cref="Value"/>), or a profile's
/// threat, crisis and low-mood-card times (<see cref="FirstAt"/>, <see cref="SecondAt"/>, <see cref="ThirdAt"/>).
/// <see cref="Kind"/> says which column it came from.
/// </summary>
public sealed class PlainValue
{
    public const string Pattern = "journal-pattern";
    public const string Decision = "assessment-decision";
    public const string Outcome = "stage-outcome";
    public const string Marks = "profile-marks";
    public const string Phase = "journey-phase";

    public string Kind { get; set; } = "";

    /// <summary>The record's id (the user's id for a profile).</summary>
    public Guid Id { get; set; }

    public Guid UserId { get; set; }
    public string? Value { get; set; }
    public DateTime? FirstAt { get; set; }
    public DateTime? SecondAt { get; set; }
    public DateTime? ThirdAt { get; set; }
}

public sealed class PlainValueConfiguration : IEntityTypeConfiguration<PlainValue>
{
    public void Configure(EntityTypeBuilder<PlainValue> builder)
    {
        builder.ToTable("PlainValuesToEncrypt");
        builder.HasKey(v => new { v.Kind, v.Id });
        builder.Property(v => v.Kind).HasMaxLength(24);
        builder.Property(v => v.Value).HasMaxLength(32);
    }
}

/// <summary>
/// The one-time data step of schema version 17, run at start after the SQL migrations (like the steps of schemas 11
/// and 12): the V17 script moves the thinking patterns of reframes, the decisions, the talks' outcomes, the phases
/// chosen and the profiles' threat, crisis and low-mood-card times out of their plain columns into PlainValuesToEncrypt, and this encrypts each
/// into its record and deletes the plain row, a batch per transaction. With nothing left it is one empty query.
/// </summary>
public static class PlainValuesEncryption
{
    public static Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        HeldPlainEncryption.RunAsync<PlainValue>(services, v => v.Id, v => v.UserId, async (db, cipher, plain, ct) =>
        {
            switch (plain.Kind)
            {
                case PlainValue.Pattern:
                    var pattern = await cipher.EncryptAsync(plain.UserId, JournalHandler.PatternField, plain.Value, ct);
                    await db.Set<JournalEntry>().Where(e => e.Id == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.PatternCipher, pattern), ct);
                    break;
                case PlainValue.Decision:
                    var decision = await cipher.EncryptAsync(plain.UserId, AssessmentHandler.DecisionField, plain.Value, ct);
                    await db.Set<AssessmentRevision>().Where(a => a.Id == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.DecisionCipher, decision), ct);
                    break;
                case PlainValue.Outcome:
                    var outcome = await cipher.EncryptAsync(plain.UserId, StageHandler.OutcomeField, plain.Value, ct);
                    await db.Set<StageEvent>().Where(e => e.Id == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.OutcomeCipher, outcome), ct);
                    break;
                case PlainValue.Marks:
                    var marks = await ProfileMarks.SealAsync(cipher, plain.UserId,
                        new ProfileMarkValues { ExThreatFoundAt = plain.FirstAt, LastCrisisFoundAt = plain.SecondAt, LowMoodCardDismissedAt = plain.ThirdAt }, ct);
                    await db.Profiles.Where(p => p.UserId == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.MarksCipher, marks), ct);
                    break;
                case PlainValue.Phase:
                    var phase = await cipher.EncryptAsync(plain.UserId, JourneyHandler.PhaseField, plain.Value, ct);
                    await db.Set<JourneyState>().Where(s => s.UserId == plain.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ChosenPhaseCipher, phase), ct);
                    break;
                default:
                    throw new InvalidOperationException($"Schema 17 held a value of an unknown kind ({plain.Kind}).");
            }
        }, cancellationToken);
}
