using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>
/// One daily check-in: at most one per user and local day. The word for the day and the day's numbers (mood, sleep,
/// eating, moving, urges, contact: how the person is) are encrypted with the user's key; the numbers are stored
/// together in <see cref="NumbersCipher"/> and read into the properties below by <see cref="CheckInNumbers"/>.
/// </summary>
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

    /// <summary>Mood, sleep, ate, moved, urges, strongest urge and contact, encrypted together (see CheckInNumbers).</summary>
    public string? NumbersCipher { get; set; }

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

        // Stored only inside NumbersCipher.
        builder.Ignore(c => c.Mood);
        builder.Ignore(c => c.SleepHalfHours);
        builder.Ignore(c => c.AteProperly);
        builder.Ignore(c => c.Moved);
        builder.Ignore(c => c.UrgeCount);
        builder.Ignore(c => c.StrongestUrge);
        builder.Ignore(c => c.HadContact);
    }
}

/// <summary>
/// A check-in's numbers as they were stored in plain columns before schema version 11. The V11 script moves them
/// here and drops the columns; at start, <see cref="CheckInNumbersEncryption"/> encrypts each row into its check-in
/// and deletes it, so the table is empty once the app serves requests.
/// </summary>
public sealed class PlainCheckInNumbers
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public int Mood { get; set; }
    public int SleepHalfHours { get; set; }
    public bool AteProperly { get; set; }
    public bool Moved { get; set; }
    public int UrgeCount { get; set; }
    public int? StrongestUrge { get; set; }
    public bool HadContact { get; set; }
}

public sealed class PlainCheckInNumbersConfiguration : IEntityTypeConfiguration<PlainCheckInNumbers>
{
    public void Configure(EntityTypeBuilder<PlainCheckInNumbers> builder)
    {
        builder.ToTable("CheckInNumbersToEncrypt");
        builder.HasKey(c => c.Id);
    }
}
