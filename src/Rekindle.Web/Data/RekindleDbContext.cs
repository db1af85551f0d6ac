using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rekindle.Web.Data;

public sealed class RekindleDbContext(DbContextOptions<RekindleDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const int NoteMaxLength = 4000;

    public DbSet<UserProfile> Profiles => Set<UserProfile>();
    public DbSet<ContactEvent> Contacts => Set<ContactEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserKey> UserKeys => Set<UserKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite hands them back unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<UserProfile>(e =>
        {
            e.ToTable("Profiles");
            e.HasKey(p => p.UserId);
            e.HasOne<AppUser>().WithOne().HasForeignKey<UserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(p => p.TimeZoneId).HasMaxLength(64);
            e.Property(p => p.CountryCode).HasMaxLength(2);
            e.Property(p => p.Version).IsConcurrencyToken();
            // Set through its property, so reading a row seals the answers until they are opened (see UserProfile).
            e.Property(p => p.AnswersCipher).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.Property(p => p.MarksCipher).UsePropertyAccessMode(PropertyAccessMode.Property);
            // Stored only inside MarksCipher.
            e.Ignore(p => p.ExThreatFoundAt);
            e.Ignore(p => p.LastCrisisFoundAt);
            e.Ignore(p => p.LowMoodCardDismissedAt);
            e.Ignore(p => p.MarksSealed);
            e.Ignore(p => p.MarksChanged);
            // Stored only inside AnswersCipher.
            e.Ignore(p => p.WhoEnded);
            e.Ignore(p => p.BreakupDate);
            e.Ignore(p => p.MonthsTogether);
            e.Ignore(p => p.BreakupKind);
            e.Ignore(p => p.SharesChildren);
            e.Ignore(p => p.SharesWork);
            e.Ignore(p => p.SharesHome);
            e.Ignore(p => p.SharesFriends);
            e.Ignore(p => p.SharesPets);
            e.Ignore(p => p.SafetyAbuse);
            e.Ignore(p => p.SafetyThreats);
            e.Ignore(p => p.SafetyControlling);
            e.Ignore(p => p.SafetyRepeatedBetrayal);
            e.Ignore(p => p.AnswersSealed);
            e.Ignore(p => p.AnswersChanged);
            e.Ignore(p => p.LimitedContact);
            e.Ignore(p => p.SafetyPivot);
        });

        builder.Entity<ContactEvent>(e =>
        {
            e.ToTable("Contacts");
            e.HasKey(c => c.Id);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Initiator).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.NoteCipher);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.UserId, c.LocalDate });
        });

        builder.Entity<UserKey>(e =>
        {
            e.ToTable("UserKeys");
            e.HasKey(k => k.UserId);
            e.HasOne<AppUser>().WithOne().HasForeignKey<UserKey>(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // Feature folders configure their own entities (IEntityTypeConfiguration) next to their pages.
        builder.ApplyConfigurationsFromAssembly(typeof(RekindleDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        // A profile's answers are stored only encrypted; a change not sealed again would be lost without a word.
        foreach (var entry in ChangeTracker.Entries<UserProfile>())
        {
            if ((entry.Entity.AnswersChanged || entry.Entity.MarksChanged) && entry.State != EntityState.Deleted)
            {
                throw new InvalidOperationException("A profile's answers or marks changed but were not encrypted again (ProfileAnswers.SealAsync) before saving.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
