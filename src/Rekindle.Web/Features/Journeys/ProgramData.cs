using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Core.Assessments;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Journeys;

/// <summary>The phase the user chose to be in, when they moved themselves (the program only recommends).</summary>
public sealed class JourneyState
{
    public Guid UserId { get; set; }
    /// <summary>The phase the user chose, encrypted with their key (which phase says where the relationship stands).</summary>
    public string? ChosenPhaseCipher { get; set; }
    public DateTime ChangedAt { get; set; }

    /// <summary>Days to wait for a reply to a first message before the next step; null is the default (NoReply.DefaultWaitDays).</summary>
    public int? NoReplyDays { get; set; }
}

/// <summary>An item of a day's plan the user checked. Keyed by plan day, so a restarted count never unchecks it.</summary>
public sealed class PlanCompletion
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public int Day { get; set; }
    public PlanItem Item { get; set; }
    public DateTime CompletedAt { get; set; }
}

/// <summary>One saved version of an assessment (inventory, decide, signs, readiness, rebuild, accept, heal). Answers are encrypted JSON.</summary>
public sealed class AssessmentRevision
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public string AnswersCipher { get; set; } = "";

    /// <summary>
    /// The decision (decide only): pursue, not-now or let-go, encrypted with the user's key (it says where the
    /// relationship stands). Null when no decision was taken, so the latest decision is found without decrypting.
    /// </summary>
    public string? DecisionCipher { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateOnly LocalDate { get; set; }
}

/// <summary>Something that happened on the way back: a stage reached, with a private note.</summary>
public sealed class StageEvent
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Stage { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public string? NoteCipher { get; set; }

    /// <summary>For the outcome stage: yes or no, encrypted with the user's key (how the talk went says where the relationship stands).</summary>
    public string? OutcomeCipher { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class ProgramConfiguration :
    IEntityTypeConfiguration<JourneyState>, IEntityTypeConfiguration<PlanCompletion>, IEntityTypeConfiguration<AssessmentRevision>, IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<JourneyState> builder)
    {
        builder.ToTable("JourneyStates");
        builder.HasKey(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PlanCompletion> builder)
    {
        builder.ToTable("PlanCompletions");
        builder.HasKey(c => c.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Item).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.UserId, c.Day, c.Item }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AssessmentRevision> builder)
    {
        builder.ToTable("AssessmentRevisions");
        builder.HasKey(a => a.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.HasIndex(a => new { a.UserId, a.Kind, a.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<StageEvent> builder)
    {
        builder.ToTable("StageEvents");
        builder.HasKey(e => e.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Stage).HasMaxLength(24);
        builder.HasIndex(e => new { e.UserId, e.OccurredOn });
    }
}
