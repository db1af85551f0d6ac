using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Reminders;

/// <summary>The reminders a user chose. One row per user, created when they first save the form.</summary>
public sealed class ReminderSettings : IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>The local time of the daily check-in reminder, or null for none.</summary>
    public TimeOnly? DailyCheckInAt { get; set; }

    /// <summary>Send the daily reminder by email too (only when the installation has SMTP configured).</summary>
    public bool Email { get; set; }

    /// <summary>The user's local day of the last email sent, so a day never gets two, even across time zones.</summary>
    public DateOnly? LastEmailFor { get; set; }

    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("ReminderSettings");
        builder.HasKey(r => r.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.Email);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
