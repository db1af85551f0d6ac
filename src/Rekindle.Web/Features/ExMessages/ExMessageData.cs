using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Core.ExMessages;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.ExMessages;

/// <summary>
/// A message from the ex that the user pasted in to think it through. Encrypted: the text, and the checklist answers
/// with what was judged of them (they say how the relationship stands), together in <see cref="ChecklistCipher"/> and
/// read into the properties below by <see cref="ExMessageChecklist"/>.
/// </summary>
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

    /// <summary>The seven answers, the substance and the advice, encrypted together (see ExMessageChecklist).</summary>
    public string? ChecklistCipher { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class ExMessageConfiguration : IEntityTypeConfiguration<ExMessage>
{
    public void Configure(EntityTypeBuilder<ExMessage> builder)
    {
        builder.ToTable("ExMessages");
        builder.HasKey(m => m.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.UserId, m.ReceivedAt });

        // Stored only inside ChecklistCipher.
        builder.Ignore(m => m.AcknowledgesWhatWentWrong);
        builder.Ignore(m => m.ShowsEvidenceOfChange);
        builder.Ignore(m => m.StatesClearIntention);
        builder.Ignore(m => m.IsEmergencyOrLogistics);
        builder.Ignore(m => m.LateAtNight);
        builder.Ignore(m => m.Vague);
        builder.Ignore(m => m.Sporadic);
        builder.Ignore(m => m.Substance);
        builder.Ignore(m => m.Advice);
    }
}

/// <summary>
/// A message's checklist as it was stored in plain columns before schema version 12. The V12 script moves it here and
/// drops the columns; at start, <see cref="ExMessageChecklistEncryption"/> encrypts each row into its message and
/// deletes it, so the table is empty once the app serves requests.
/// </summary>
public sealed class PlainExMessageChecklist
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public bool? AcknowledgesWhatWentWrong { get; set; }
    public bool? ShowsEvidenceOfChange { get; set; }
    public bool? StatesClearIntention { get; set; }
    public bool? IsEmergencyOrLogistics { get; set; }
    public bool? LateAtNight { get; set; }
    public bool? Vague { get; set; }
    public bool? Sporadic { get; set; }
    public Substance Substance { get; set; }
    public ExMessageAdvice Advice { get; set; }
}

public sealed class PlainExMessageChecklistConfiguration : IEntityTypeConfiguration<PlainExMessageChecklist>
{
    public void Configure(EntityTypeBuilder<PlainExMessageChecklist> builder)
    {
        builder.ToTable("ExMessageChecklistsToEncrypt");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Substance).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Advice).HasConversion<string>().HasMaxLength(24);
    }
}
