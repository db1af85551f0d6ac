using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Urges;

/// <summary>What the user chose to do instead of reaching out.</summary>
public enum UrgeAlternative { Breathe, Walk, CallAFriend, Write, Music, Shower, Sleep, Other }

public enum UrgeOutcome { Pending, Passed, Contacted }

/// <summary>One moment of wanting to reach out, and how it ended.</summary>
public sealed class Urge
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateOnly LocalDate { get; set; }

    /// <summary>How strong it was, 1 to 10.</summary>
    public int Intensity { get; set; }

    /// <summary>What set it off, in the user's words, encrypted.</summary>
    public string? TriggerCipher { get; set; }

    public UrgeAlternative? Alternative { get; set; }
    public UrgeOutcome Outcome { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int Version { get; set; }
}

public sealed class UrgeConfiguration : IEntityTypeConfiguration<Urge>
{
    public void Configure(EntityTypeBuilder<Urge> builder)
    {
        builder.ToTable("Urges");
        builder.HasKey(u => u.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.Alternative).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.UserId, u.LocalDate });
    }
}
