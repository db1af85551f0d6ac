using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Progress;

/// <summary>A milestone the user has been shown, so each one is celebrated once per stretch of no contact.</summary>
public sealed class CelebratedMilestone
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public int Days { get; set; }
    public DateOnly StretchStartedOn { get; set; }
    public DateTime CelebratedAt { get; set; }
}

public sealed class CelebratedMilestoneConfiguration : IEntityTypeConfiguration<CelebratedMilestone>
{
    public void Configure(EntityTypeBuilder<CelebratedMilestone> builder)
    {
        builder.ToTable("CelebratedMilestones");
        builder.HasKey(m => m.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.UserId, m.StretchStartedOn, m.Days }).IsUnique();
    }
}
