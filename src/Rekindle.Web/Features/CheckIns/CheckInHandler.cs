using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>What the check-in form and the API send. Nullable so a missing answer is told apart from a zero.</summary>
public sealed class CheckInInput
{
    public DateOnly? Date { get; set; }
    public int? Mood { get; set; }
    public decimal? SleepHours { get; set; }
    public bool AteProperly { get; set; }
    public bool Moved { get; set; }
    public int? UrgeCount { get; set; }
    public int? StrongestUrge { get; set; }
    public bool HadContact { get; set; }
    public string? Word { get; set; }

    /// <summary>The version the form was opened at; a different stored version means another tab saved first.</summary>
    public int? Version { get; set; }
}

public sealed record CheckInView(
    DateOnly Date, int Mood, decimal SleepHours, bool AteProperly, bool Moved, int UrgeCount, int? StrongestUrge, bool HadContact, string? Word,
    int Version, DateTime UpdatedAt)
{
    /// <summary>What the crisis reader found in the word: on one check-in (saved or opened), left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }

    public CheckIn ToCheckIn() => new(Date, Mood, SleepHours, AteProperly, Moved, UrgeCount, StrongestUrge, HadContact, Word);
}

public sealed record CheckInSaved(CheckInView CheckIn, bool Created);

/// <summary>Daily check-ins, one per local day. Shared by the page, the API, the charts and the export.</summary>
public sealed class CheckInHandler(RekindleDbContext db, UserCipher cipher, TimeProvider clock, SafetyNet safety)
{
    public const string WordField = "check-in.word";

    /// <summary>The version a form sends for a day it believes has no check-in yet (stored ones start at 1).</summary>
    public const int NewDay = 0;

    /// <summary>The most a list request returns: three years of days, the furthest back a check-in can be.</summary>
    public const int MaxListDays = 3 * 366 + 1;

    public async Task<CheckInView?> FindAsync(Guid userId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<CheckInEntry>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.LocalDate == date, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var view = await ToViewAsync(row, cancellationToken);
        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, view.Word) };
    }

    /// <summary>Check-ins from <paramref name="from"/> to <paramref name="to"/> (inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<CheckInView>> ListAsync(Guid userId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<CheckInEntry>().AsNoTracking()
            .Where(c => c.UserId == userId && c.LocalDate >= from && c.LocalDate <= to)
            .OrderBy(c => c.LocalDate)
            .ToListAsync(cancellationToken);
        var views = new List<CheckInView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ToViewAsync(row, cancellationToken));
        }

        return views;
    }

    /// <summary>The numbers only (no words), for charts: one small value decrypted per day.</summary>
    public async Task<IReadOnlyList<CheckIn>> NumbersAsync(Guid userId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = new List<DayNumbers>();
        await foreach (var c in Numbers.For(db)(db, userId, from, to).WithCancellation(cancellationToken))
        {
            rows.Add(c);
        }

        var numbers = new List<CheckIn>(rows.Count);
        foreach (var c in rows)
        {
            numbers.Add(await CheckInNumbers.ReadAsync(cipher, userId, c.LocalDate, c.NumbersCipher, cancellationToken));
        }

        return numbers;
    }

    private sealed record DayNumbers(DateOnly LocalDate, string? NumbersCipher);

    /// <summary>Compiled once: the dashboard, the charts and readiness all read a range of numbers.</summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, DateOnly, DateOnly, IAsyncEnumerable<DayNumbers>>> Numbers = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId, DateOnly from, DateOnly to) => db.Set<CheckInEntry>().AsNoTracking()
            .Where(c => c.UserId == userId && c.LocalDate >= from && c.LocalDate <= to)
            .OrderBy(c => c.LocalDate)
            .Select(c => new DayNumbers(c.LocalDate, c.NumbersCipher))));

    public async Task<Outcome<CheckInSaved>> SaveAsync(Guid userId, CheckInInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var errors = bindingErrors ?? new FieldErrors();
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var today = profile.Today(clock);
        var checkIn = Validate(input, today, errors);
        if (checkIn is null)
        {
            return Outcome<CheckInSaved>.Invalid(errors);
        }

        var row = await db.Set<CheckInEntry>().SingleOrDefaultAsync(c => c.UserId == userId && c.LocalDate == checkIn.Date, cancellationToken);
        if (row is not null && input.Version == NewDay)
        {
            errors.Add(nameof(CheckInInput.Date), $"There is already a check-in for {checkIn.Date:d MMMM}. Open that day from the list to change it.");
            return Outcome<CheckInSaved>.Invalid(errors);
        }

        if (row is not null && input.Version is { } version && version != row.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
            return Outcome<CheckInSaved>.Invalid(errors);
        }

        var created = row is null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new CheckInEntry { Id = Guid.CreateVersion7(), UserId = userId, LocalDate = checkIn.Date, CreatedAt = now, Version = 1 };
            db.Add(row);
        }

        await ApplyAsync(row, checkIn, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request saved the same day (unique index) or changed it first: nothing of ours was written.
            db.ChangeTracker.Clear();
            return Outcome<CheckInSaved>.Invalid(FieldErrors.Stale());
        }

        var saved = await ToViewAsync(row, cancellationToken) with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, checkIn.Word) };
        return Outcome<CheckInSaved>.Ok(new CheckInSaved(saved, created));
    }

    public async Task<bool> DeleteAsync(Guid userId, DateOnly date, CancellationToken cancellationToken = default) =>
        await db.Set<CheckInEntry>().Where(c => c.UserId == userId && c.LocalDate == date).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Turns the input into a check-in the Core rules accept, or adds every problem to <paramref name="errors"/>.</summary>
    public static CheckIn? Validate(CheckInInput input, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Date is null && !Has(errors, nameof(CheckInInput.Date)))
        {
            errors.Add(nameof(CheckInInput.Date), "Which day is this check-in for?");
        }

        if (input.Mood is null && !Has(errors, nameof(CheckInInput.Mood)))
        {
            errors.Add(nameof(CheckInInput.Mood), "How did the day feel, from 1 to 10?");
        }

        if (input.SleepHours is null && !Has(errors, nameof(CheckInInput.SleepHours)))
        {
            errors.Add(nameof(CheckInInput.SleepHours), "About how many hours did you sleep? Half hours are fine.");
        }

        var candidate = new CheckIn(
            input.Date ?? today, input.Mood ?? CheckInRules.MinMood, input.SleepHours ?? 0m, input.AteProperly, input.Moved,
            input.UrgeCount ?? 0, input.StrongestUrge, input.HadContact, input.Word);
        var validation = CheckInRules.Validate(candidate, today);
        foreach (var (field, message) in validation.Errors)
        {
            if (!Has(errors, field))
            {
                errors.Add(field, message);
            }
        }

        return errors.Any ? null : validation.Value;
    }

    private static bool Has(FieldErrors errors, string field) => errors.Fields.Contains(field);

    private async Task ApplyAsync(CheckInEntry row, CheckIn checkIn, DateTime now, CancellationToken cancellationToken)
    {
        row.Mood = checkIn.Mood;
        row.SleepHalfHours = CheckInEntry.SleepHalfHoursFrom(checkIn.SleepHours);
        row.AteProperly = checkIn.AteProperly;
        row.Moved = checkIn.Moved;
        row.UrgeCount = checkIn.UrgeCount;
        row.StrongestUrge = checkIn.StrongestUrge;
        row.HadContact = checkIn.HadContact;
        await CheckInNumbers.SealAsync(cipher, row, cancellationToken);
        row.WordCipher = await cipher.EncryptAsync(row.UserId, WordField, checkIn.Word, cancellationToken);
        row.UpdatedAt = now;
    }

    internal async Task<CheckInView> ToViewAsync(CheckInEntry row, CancellationToken cancellationToken)
    {
        await CheckInNumbers.OpenAsync(cipher, row, cancellationToken);
        return new(row.LocalDate, row.Mood, CheckInEntry.SleepHours(row.SleepHalfHours), row.AteProperly, row.Moved, row.UrgeCount, row.StrongestUrge, row.HadContact,
            await cipher.DecryptAsync(row.UserId, WordField, row.WordCipher, cancellationToken), row.Version, row.UpdatedAt);
    }
}
