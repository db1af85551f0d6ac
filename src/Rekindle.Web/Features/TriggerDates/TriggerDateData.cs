using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.TriggerDates;

/// <summary>
/// A date the user marked as one that will hurt (an anniversary, their birthday, the first holidays apart). The day
/// stays readable, so the dashboard can find the close ones with one small query; the label is encrypted with the
/// user's key.
/// </summary>
public sealed class TriggerDate : IVersioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The day as entered; for a yearly date only its month and day count.</summary>
    public DateOnly Date { get; set; }

    public bool Yearly { get; set; }

    /// <summary>What the day is, in the user's words, encrypted. Never plain text.</summary>
    public string LabelCipher { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class TriggerDateConfiguration : IEntityTypeConfiguration<TriggerDate>
{
    public void Configure(EntityTypeBuilder<TriggerDate> builder)
    {
        builder.ToTable("TriggerDates");
        builder.HasKey(t => t.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
