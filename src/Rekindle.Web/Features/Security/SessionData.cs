using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Security;

/// <summary>One signed-in browser or app. Ending the row ends that session at its next request.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>A coarse description ("Firefox on Android"): enough to recognise, nothing to track. No IP address is kept.</summary>
    public string Device { get; set; } = "";

    public DateTime? EndedAt { get; set; }

    /// <summary>Set when the app PIN lock engaged; the session shows only the lock screen until the PIN is entered.</summary>
    public DateTime? LockedAt { get; set; }
}

/// <summary>The optional app PIN: asked for after the app has been idle, so a phone left open shows nothing.</summary>
public sealed class AppLock
{
    public Guid UserId { get; set; }
    public string PinHash { get; set; } = "";
    public int IdleMinutes { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class SecurityConfiguration : IEntityTypeConfiguration<UserSession>, IEntityTypeConfiguration<AppLock>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.Property(s => s.Device).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<AppLock> builder)
    {
        builder.ToTable("AppLocks");
        builder.HasKey(l => l.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.PinHash).HasMaxLength(256);
    }
}
