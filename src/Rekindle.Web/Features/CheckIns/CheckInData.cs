using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>One daily check-in: at most one per user and local day. The word for the day is encrypted.</summary>
public sealed class CheckInEntry : IVersioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The user's local calendar day the check-in is about.</summary>
    public DateOnly LocalDate { get; set; }

    public int Mood { get; set; }

    /// <summary>Sleep in half hours (15 = 7.5 h): an integer keeps the value exact on both databases.</summary>
    public int SleepHalfHours { get; set; }

    /// <summary>Stored half hours as hours (15 becomes 7.5).</summary>
    public static decimal SleepHours(int halfHours) => halfHours / 2m;

    /// <summary>Hours, which validation allows only in whole or half hours, as stored half hours.</summary>
    public static int SleepHalfHoursFrom(decimal hours) => (int)(hours * 2);

    public bool AteProperly { get; set; }
    public bool Moved { get; set; }
    public int UrgeCount { get; set; }
    public int? StrongestUrge { get; set; }
    public bool HadContact { get; set; }
    public string? WordCipher { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class CheckInEntryConfiguration : IEntityTypeConfiguration<CheckInEntry>
{
    public void Configure(EntityTypeBuilder<CheckInEntry> builder)
    {
        builder.ToTable("CheckIns");
        builder.HasKey(c => c.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);

        // The one-per-day rule, enforced by the database as well as by the handler.
        builder.HasIndex(c => new { c.UserId, c.LocalDate }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
