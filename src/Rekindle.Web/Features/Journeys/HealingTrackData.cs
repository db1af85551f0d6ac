using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Journeys;

/// <summary>
/// The healing track's state for one user: when it began, and when they asked to leave it (which starts a
/// waiting week) with the reflection they wrote before leaving (encrypted with the user's key).
/// </summary>
public sealed class HealingTrack
{
    public Guid UserId { get; set; }

    /// <summary>When the track began; null when the user is not on it (never was, or left).</summary>
    public DateTime? EnteredAt { get; set; }

    /// <summary>When the user confirmed undoing the last reason for the track.</summary>
    public DateTime? LeaveRequestedAt { get; set; }

    /// <summary>The reflection written before leaving, encrypted. Never plain text.</summary>
    public string? ReflectionCipher { get; set; }

    public DateTime? ReflectedAt { get; set; }
}

/// <summary>One step onto or off the healing track: a date and a direction, never why.</summary>
public sealed class HealingTrackEvent
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>"entered" or "left".</summary>
    public string Direction { get; set; } = "";

    public DateTime At { get; set; }
}

public static class TrackDirections
{
    public const string Entered = "entered";
    public const string Left = "left";
}

public sealed class HealingTrackConfiguration : IEntityTypeConfiguration<HealingTrack>, IEntityTypeConfiguration<HealingTrackEvent>
{
    public void Configure(EntityTypeBuilder<HealingTrack> builder)
    {
        builder.ToTable("HealingTracks");
        builder.HasKey(t => t.UserId);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<HealingTrack>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HealingTrackEvent> builder)
    {
        builder.ToTable("HealingTrackEvents");
        builder.HasKey(e => e.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Direction).HasMaxLength(8);
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}

public sealed record TrackEventRecord(string Direction, DateTime At);

public sealed record HealingTrackRecord(DateTime? EnteredAt, DateTime? LeaveRequestedAt, string? Reflection, DateTime? ReflectedAt, IReadOnlyList<TrackEventRecord> History);

/// <summary>The healing track's part of the export: its state, the reflection (decrypted for the file) and its history.</summary>
public sealed class HealingTrackSection(RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher) : Settings.IExportSection
{
    public string Name => "healingTrack";
    public int Order => 14;

    public async Task<System.Text.Json.Nodes.JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var track = await db.Set<HealingTrack>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        var history = await db.Set<HealingTrackEvent>().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At).ThenBy(e => e.Direction)
            .Select(e => new TrackEventRecord(e.Direction, e.At)).ToListAsync(cancellationToken);
        return Settings.ExportJson.ToNode(new HealingTrackRecord(track?.EnteredAt, track?.LeaveRequestedAt,
            track is null ? null : await cipher.DecryptAsync(userId, ReconciliationGate.ReflectionField, track.ReflectionCipher, cancellationToken), track?.ReflectedAt, history));
    }

    public async Task ImportAsync(Guid userId, System.Text.Json.Nodes.JsonNode? node, Settings.ImportContext context, CancellationToken cancellationToken)
    {
        // Files from before the healing track was kept have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        var record = Settings.ExportJson.Read<HealingTrackRecord>(node, Name);
        if (record.Reflection?.Length > ReconciliationGate.MaxReflectionLength
            || (record.History ?? []).Any(e => e.Direction is not (TrackDirections.Entered or TrackDirections.Left)))
        {
            throw new Settings.ImportException("The healing track in the file is not valid.");
        }

        if (record.EnteredAt is not null || record.LeaveRequestedAt is not null || record.Reflection is not null)
        {
            db.Add(new HealingTrack
            {
                UserId = userId, EnteredAt = record.EnteredAt, LeaveRequestedAt = record.LeaveRequestedAt, ReflectedAt = record.ReflectedAt,
                ReflectionCipher = await cipher.EncryptAsync(userId, ReconciliationGate.ReflectionField, record.Reflection, cancellationToken),
            });
        }

        foreach (var e in record.History ?? [])
        {
            db.Add(new HealingTrackEvent { Id = Guid.CreateVersion7(), UserId = userId, Direction = e.Direction, At = e.At });
        }
    }
}
