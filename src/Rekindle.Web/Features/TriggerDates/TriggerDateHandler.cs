using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.Reminders;
using Rekindle.Core.TriggerDates;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.TriggerDates;

public sealed class TriggerDateInput
{
    /// <summary>What the day is: "our anniversary", "their birthday", "first Christmas apart".</summary>
    public string? Label { get; set; }

    /// <summary>The day. For a yearly date any year will do; only the month and day count.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Comes back every year.</summary>
    public bool Yearly { get; set; }

    public int? Version { get; set; }
}

/// <param name="NextOn">The next day it falls on in the user's time zone (today included), or null when a one-off date is over.</param>
/// <param name="DaysUntil">Days from the user's today to <paramref name="NextOn"/>.</param>
/// <param name="WarnNow">Within the warning window: from three days before until the day itself.</param>
public sealed record TriggerDateView(Guid Id, string Label, DateOnly Date, bool Yearly, DateOnly? NextOn, int? DaysUntil, bool WarnNow, int Version);

/// <summary>A close date for the dashboard's card.</summary>
public sealed record UpcomingTriggerDateView(Guid Id, string Label, DateOnly On, int DaysUntil);

/// <summary>The dates that will hurt, for the pages at /trigger-dates and /api/v1/trigger-dates. Every query is scoped to the signed-in user.</summary>
public sealed class TriggerDateHandler(RekindleDbContext db, UserCipher cipher, PageStrings strings, TimeProvider clock)
{
    public const string LabelField = "trigger-date-label";

    /// <summary>Every date, the next to come first; those that are over last.</summary>
    public async Task<IReadOnlyList<TriggerDateView>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var today = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock);
        var rows = await db.Set<TriggerDate>().AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        var views = new List<TriggerDateView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ToViewAsync(row, today, cancellationToken));
        }

        return views.OrderBy(v => v.NextOn is null).ThenBy(v => v.NextOn).ThenBy(v => v.Date).ThenBy(v => v.Label, StringComparer.Ordinal).ToList();
    }

    public async Task<TriggerDateView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<TriggerDate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        return row is null ? null : await ToViewAsync(row, (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock), cancellationToken);
    }

    public async Task<Outcome<TriggerDateView>> CreateAsync(Guid userId, TriggerDateInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock);
        var errors = Validate(input, today, bindingErrors);
        if (await db.Set<TriggerDate>().CountAsync(t => t.UserId == userId, cancellationToken) >= TriggerDateRules.MaxDates)
        {
            errors.Add(string.Empty, strings.Format("trigger-dates.invalid.too-many", ("max", TriggerDateRules.MaxDates)));
        }

        if (errors.Any)
        {
            return Outcome<TriggerDateView>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new TriggerDate { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now };
        await ApplyAsync(row, input, now, cancellationToken);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TriggerDateView>.Ok(await ToViewAsync(row, today, cancellationToken));
    }

    public async Task<Outcome<TriggerDateView>> UpdateAsync(Guid userId, Guid id, TriggerDateInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Set<TriggerDate>().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (row is null)
        {
            return Outcome<TriggerDateView>.NotFound();
        }

        var today = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock);
        var errors = Validate(input, today, bindingErrors);
        if (input.Version is { } version && version != row.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<TriggerDateView>.Invalid(errors);
        }

        await ApplyAsync(row, input, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<TriggerDateView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<TriggerDateView>.Ok(await ToViewAsync(row, today, cancellationToken));
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<TriggerDate>().Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// For the dashboard (a hot page): the dates within the warning window, soonest first. One small query on the
    /// user's index, and only the close dates' labels are decrypted.
    /// </summary>
    public async Task<IReadOnlyList<UpcomingTriggerDateView>> UpcomingAsync(Guid userId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await ReadDates.For(db)(db, userId).ToListAsync(cancellationToken);
        var close = rows.Select(r => (Row: r, Upcoming: TriggerDateRules.Upcoming(new TriggerDateFacts(r.Date, r.Yearly), today)))
            .Where(x => x.Upcoming is not null).OrderBy(x => x.Upcoming!.DaysUntil).ToList();
        var views = new List<UpcomingTriggerDateView>(close.Count);
        foreach (var (row, upcoming) in close)
        {
            views.Add(new(row.Id, (await cipher.DecryptAsync(userId, LabelField, row.LabelCipher, cancellationToken))!, upcoming!.On, upcoming.DaysUntil));
        }

        return views;
    }

    /// <summary>For the calendar file: every date still to come, with no label (the calendar's titles are discreet).</summary>
    public async Task<IReadOnlyList<HardDay>> CalendarDaysAsync(Guid userId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await ReadDates.For(db)(db, userId).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Yearly, r.Date, Next: TriggerDateRules.NextOccurrence(new TriggerDateFacts(r.Date, r.Yearly), today)))
            .Where(r => r.Next is not null)
            .Select(r => new HardDay(r.Id.ToString("N"), r.Next!.Value, r.Yearly, r.Yearly && r.Date is { Month: 2, Day: 29 }))
            .ToList();
    }

    private sealed record DateRow(Guid Id, DateOnly Date, bool Yearly, string LabelCipher);

    /// <summary>Compiled once: the dashboard runs it on every visit.</summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, IAsyncEnumerable<DateRow>>> ReadDates = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid userId) =>
            db.Set<TriggerDate>().AsNoTracking().Where(t => t.UserId == userId).Select(t => new DateRow(t.Id, t.Date, t.Yearly, t.LabelCipher))));

    private FieldErrors Validate(TriggerDateInput input, DateOnly today, FieldErrors? bindingErrors)
    {
        var errors = bindingErrors ?? new FieldErrors();
        foreach (var (field, key) in TriggerDateRules.Check(input.Label, input.Date, input.Yearly, today, errors.Fields.ToHashSet(StringComparer.Ordinal)))
        {
            errors.Add(field, key == "trigger-dates.invalid.label-too-long"
                ? Messages.TooLong(strings, key, TriggerDateRules.MaxLabelLength, TriggerDateRules.Clean(input.Label)!.Length)
                : strings.Format(key, ("years", TriggerDateRules.MaxYearsAhead)));
        }

        return errors;
    }

    private async Task ApplyAsync(TriggerDate row, TriggerDateInput input, DateTime now, CancellationToken cancellationToken)
    {
        row.Date = input.Date!.Value;
        row.Yearly = input.Yearly;
        row.LabelCipher = (await cipher.EncryptAsync(row.UserId, LabelField, TriggerDateRules.Clean(input.Label), cancellationToken))!;
        row.UpdatedAt = now;
    }

    internal async Task<TriggerDateView> ToViewAsync(TriggerDate row, DateOnly today, CancellationToken cancellationToken)
    {
        var facts = new TriggerDateFacts(row.Date, row.Yearly);
        var next = TriggerDateRules.NextOccurrence(facts, today);
        return new TriggerDateView(row.Id, (await cipher.DecryptAsync(row.UserId, LabelField, row.LabelCipher, cancellationToken))!, row.Date, row.Yearly,
            next, next is { } n ? n.DayNumber - today.DayNumber : null, TriggerDateRules.Upcoming(facts, today) is not null, row.Version);
    }

    /// <summary>For the import: a date exactly as exported, checked by the same rules (a one-off date that is over is kept).</summary>
    internal async Task<TriggerDate> RestoreAsync(Guid userId, TriggerDateRecord r, CancellationToken cancellationToken)
    {
        var problems = TriggerDateRules.Check(r.Label, r.Date, yearly: true, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (problems.Count > 0)
        {
            throw new Settings.ImportException("A date that will hurt is missing its label or day, has a day that can't be right, or a label that is too long.", "triggerDates");
        }

        var row = new TriggerDate { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = r.CreatedAt };
        await ApplyAsync(row, new TriggerDateInput { Label = r.Label, Date = r.Date, Yearly = r.Yearly }, r.UpdatedAt, cancellationToken);
        return row;
    }
}
