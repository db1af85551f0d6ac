using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Incidents;

/// <summary>
/// One entry in the private incident log: when something happened, what, where, and where the evidence is kept.
/// The date and time stay readable (the log is ordered and paged by them); every piece of text is encrypted
/// with the user's key.
/// </summary>
public sealed class Incident : IVersioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The day it happened, as the person remembers it (their local calendar).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The time of day, when they know it.</summary>
    public TimeOnly? OccurredAt { get; set; }

    public string WhatCipher { get; set; } = "";
    public string? WhereCipher { get; set; }
    public string? EvidenceCipher { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(e => e.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.OccurredOn });
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
