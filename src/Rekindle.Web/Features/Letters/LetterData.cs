using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Letters;

/// <summary>Words written to the ex and kept here instead of sent. Encrypted with the user's key.</summary>
public sealed class UnsentLetter
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateOnly LocalDate { get; set; }
    public string BodyCipher { get; set; } = "";

    /// <summary>The urge this letter was written during, if any.</summary>
    public Guid? UrgeId { get; set; }
}

public sealed class UnsentLetterConfiguration : IEntityTypeConfiguration<UnsentLetter>
{
    public void Configure(EntityTypeBuilder<UnsentLetter> builder)
    {
        builder.ToTable("UnsentLetters");
        builder.HasKey(l => l.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
    }
}
