using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Core.ExMessages;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.ExMessages;

/// <summary>A message from the ex that the user pasted in to think it through. Encrypted.</summary>
public sealed class ExMessage
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly LocalDate { get; set; }
    public string TextCipher { get; set; } = "";
    public bool? AcknowledgesWhatWentWrong { get; set; }
    public bool? ShowsEvidenceOfChange { get; set; }
    public bool? StatesClearIntention { get; set; }
    public bool? IsEmergencyOrLogistics { get; set; }
    public bool? LateAtNight { get; set; }
    public bool? Vague { get; set; }
    public bool? Sporadic { get; set; }
    public Substance Substance { get; set; }
    public ExMessageAdvice Advice { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ExMessageConfiguration : IEntityTypeConfiguration<ExMessage>
{
    public void Configure(EntityTypeBuilder<ExMessage> builder)
    {
        builder.ToTable("ExMessages");
        builder.HasKey(m => m.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Substance).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Advice).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(m => new { m.UserId, m.ReceivedAt });
    }
}
