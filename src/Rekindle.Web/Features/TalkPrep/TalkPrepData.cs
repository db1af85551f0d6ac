using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.TalkPrep;

/// <summary>One per user: their worksheet for the talk, every part in one value encrypted with their key (see UserCipher).</summary>
public sealed class TalkPrepRow : IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>The worksheet as JSON, encrypted. Never plain text.</summary>
    public string WorksheetCipher { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class TalkPrepRowConfiguration : IEntityTypeConfiguration<TalkPrepRow>
{
    public void Configure(EntityTypeBuilder<TalkPrepRow> builder)
    {
        builder.ToTable("TalkPreps");
        builder.HasKey(p => p.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<TalkPrepRow>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
