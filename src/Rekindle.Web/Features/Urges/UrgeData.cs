using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Urges;

/// <summary>What the user chose to do instead of reaching out.</summary>
public enum UrgeAlternative { Breathe, Walk, CallAFriend, Write, Music, Shower, Sleep, Other }

public enum UrgeOutcome { Pending, Passed, Contacted }

/// <summary>
/// One moment of wanting to reach out, and how it ended. How strong it was, what the person did instead and whether
/// they reached out say how they are, so those are encrypted with the user's key with the trigger: stored together in
/// <see cref="DetailsCipher"/> and read into the properties below by <see cref="UrgeDetails"/>. Whether it is resolved
/// shows only as <see cref="ResolvedAt"/>.
/// </summary>
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

    /// <summary>Intensity, alternative and outcome, encrypted together (see UrgeDetails).</summary>
    public string? DetailsCipher { get; set; }

    /// <summary>When the urge passed or ended in contact (UTC); null while it is still pending.</summary>
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
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.UserId, u.LocalDate });

        // Stored only inside DetailsCipher.
        builder.Ignore(u => u.Intensity);
        builder.Ignore(u => u.Alternative);
        builder.Ignore(u => u.Outcome);
    }
}

/// <summary>
/// An urge's intensity, alternative and outcome as they were stored in plain columns before schema version 12. The
/// V12 script moves them here and drops the columns; at start, <see cref="UrgeDetailsEncryption"/> encrypts each row
/// into its urge and deletes it, so the table is empty once the app serves requests.
/// </summary>
public sealed class PlainUrgeDetails
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public int Intensity { get; set; }
    public UrgeAlternative? Alternative { get; set; }
    public UrgeOutcome Outcome { get; set; }
}

public sealed class PlainUrgeDetailsConfiguration : IEntityTypeConfiguration<PlainUrgeDetails>
{
    public void Configure(EntityTypeBuilder<PlainUrgeDetails> builder)
    {
        builder.ToTable("UrgeDetailsToEncrypt");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Alternative).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Outcome).HasConversion<string>().HasMaxLength(16);
    }
}
