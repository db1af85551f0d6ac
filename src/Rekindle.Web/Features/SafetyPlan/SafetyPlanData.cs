using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.SafetyPlan;

/// <summary>One per user: their safety plan, every section in one value encrypted with their key (see UserCipher).</summary>
public sealed class SafetyPlanRow : IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>The plan as JSON, encrypted. Never plain text.</summary>
    public string PlanCipher { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class SafetyPlanRowConfiguration : IEntityTypeConfiguration<SafetyPlanRow>
{
    public void Configure(EntityTypeBuilder<SafetyPlanRow> builder)
    {
        builder.ToTable("SafetyPlans");
        builder.HasKey(p => p.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<SafetyPlanRow>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
