using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Journal;

public enum JournalKind { Free, Prompt, Reframe }

/// <summary>A journal entry. Every piece of text in it, tags included, is encrypted with the user's key.</summary>
public sealed class JournalEntry : IVersioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public JournalKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The user's local day when it was first written.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>The program's prompt as it was shown, so later content edits never change an old entry.</summary>
    public string? PromptCipher { get; set; }

    public string? BodyCipher { get; set; }

    /// <summary>Tags joined with commas, then encrypted: tag names can be as private as the entry.</summary>
    public string? TagsCipher { get; set; }

    public string? ThoughtCipher { get; set; }

    /// <summary>The thinking pattern a reframe names, encrypted: which trap a thought fell into says how the person is.</summary>
    public string? PatternCipher { get; set; }
    public string? KinderCipher { get; set; }
    public int Version { get; set; }
}

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.HasKey(e => e.Id);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
