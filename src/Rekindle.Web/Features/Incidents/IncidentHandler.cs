using Rekindle.Core;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Incidents;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Incidents;

public sealed class IncidentInput
{
    /// <summary>The day it happened (the user's calendar).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The time of day, if known.</summary>
    public TimeOnly? Time { get; set; }

    public string? What { get; set; }
    public string? Where { get; set; }

    /// <summary>Where the evidence is kept: screenshots, messages, photos, witnesses.</summary>
    public string? Evidence { get; set; }

    public int? Version { get; set; }
}

public sealed record IncidentView(
    Guid Id, DateOnly Date, TimeOnly? Time, string What, string? Where, string? Evidence, DateTime WrittenAt, DateTime UpdatedAt, int Version)
{
    public string Excerpt => What.Length <= 200 ? What : What[..200].TrimEnd() + "…";
}

/// <summary>One page of the log, newest first.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentView> Items, int Page, int PageCount, int Total);

/// <summary>The whole log, oldest first, for the printable record.</summary>
public sealed record IncidentRecordView(IReadOnlyList<IncidentView> Items, DateTime PrintedAt, string TimeZoneId);

/// <summary>The private incident log, for the pages and /api/v1/incidents. Every query is scoped to the signed-in user.</summary>
public sealed class IncidentHandler(RekindleDbContext db, UserCipher cipher, TimeProvider clock)
{
    public const string WhatField = "incident.what";
    public const string WhereField = "incident.where";
    public const string EvidenceField = "incident.evidence";

    public async Task<IncidentPage> ListAsync(Guid userId, int? page = null, CancellationToken cancellationToken = default)
    {
        var zone = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone();
        // The order is on plain columns, so the keys come first and only the page shown is decrypted.
        var keys = await db.Set<Incident>().AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.Id, e.OccurredOn, e.OccurredAt, e.CreatedAt }).ToListAsync(cancellationToken);
        var number = Paging.Clamp(page, keys.Count);
        var ids = keys.OrderByDescending(k => new IncidentOrderKey(k.OccurredOn, k.OccurredAt, k.CreatedAt)).ThenByDescending(k => k.Id)
            .Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize).Select(k => k.Id).ToList();
        var rows = await db.Set<Incident>().AsNoTracking().Where(e => e.UserId == userId && ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var views = new List<IncidentView>(rows.Count);
        foreach (var row in rows.OrderBy(r => ids.IndexOf(r.Id)))
        {
            views.Add(await ToViewAsync(row, zone, cancellationToken));
        }

        return new IncidentPage(views, number, Paging.PageCount(keys.Count), keys.Count);
    }

    /// <summary>Every entry, oldest first, with when it is being printed (the user's local time).</summary>
    public async Task<IncidentRecordView> RecordAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var zone = profile.Zone();
        var rows = await db.Set<Incident>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken);
        var views = new List<IncidentView>(rows.Count);
        foreach (var row in rows.OrderBy(r => new IncidentOrderKey(r.OccurredOn, r.OccurredAt, r.CreatedAt)).ThenBy(r => r.Id))
        {
            views.Add(await ToViewAsync(row, zone, cancellationToken));
        }

        return new IncidentRecordView(views, LocalTime.FromUtc(clock.GetUtcNow().UtcDateTime, zone), zone.Id);
    }

    public async Task<IncidentView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Incident>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        return row is null ? null : await ToViewAsync(row, (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone(), cancellationToken);
    }

    public async Task<Outcome<IncidentView>> CreateAsync(Guid userId, IncidentInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = Validate(input, profile.Today(clock), bindingErrors);
        if (errors.Any)
        {
            return Outcome<IncidentView>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new Incident { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now };
        await ApplyAsync(row, input, now, cancellationToken);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IncidentView>.Ok(await ToViewAsync(row, profile.Zone(), cancellationToken));
    }

    public async Task<Outcome<IncidentView>> UpdateAsync(Guid userId, Guid id, IncidentInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Incident>().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        if (row is null)
        {
            return Outcome<IncidentView>.NotFound();
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var errors = Validate(input, profile.Today(clock), bindingErrors);
        if (input.Version is { } version && version != row.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<IncidentView>.Invalid(errors);
        }

        await ApplyAsync(row, input, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<IncidentView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<IncidentView>.Ok(await ToViewAsync(row, profile.Zone(), cancellationToken));
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<Incident>().Where(e => e.Id == id && e.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public static FieldErrors Validate(IncidentInput input, DateOnly today, FieldErrors? bindingErrors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = bindingErrors ?? new FieldErrors();
        foreach (var (field, message) in IncidentRules.Check(Fields(input), today, errors.Fields.ToHashSet(StringComparer.Ordinal)))
        {
            errors.Add(field, message);
        }

        return errors;
    }

    private static IncidentFields Fields(IncidentInput input) => new(input.Date, input.Time, input.What, input.Where, input.Evidence);

    private async Task ApplyAsync(Incident row, IncidentInput input, DateTime now, CancellationToken cancellationToken)
    {
        row.OccurredOn = input.Date!.Value;
        // Seconds carry nothing a person remembers; a time is kept to the minute.
        row.OccurredAt = input.Time is { } time ? new TimeOnly(time.Hour, time.Minute) : null;
        row.WhatCipher = (await cipher.EncryptAsync(row.UserId, WhatField, IncidentRules.Clean(input.What), cancellationToken))!;
        row.WhereCipher = await cipher.EncryptAsync(row.UserId, WhereField, IncidentRules.Clean(input.Where), cancellationToken);
        row.EvidenceCipher = await cipher.EncryptAsync(row.UserId, EvidenceField, IncidentRules.Clean(input.Evidence), cancellationToken);
        row.UpdatedAt = now;
    }

    internal async Task<IncidentView> ToViewAsync(Incident row, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        new(row.Id, row.OccurredOn, row.OccurredAt,
            (await cipher.DecryptAsync(row.UserId, WhatField, row.WhatCipher, cancellationToken))!,
            await cipher.DecryptAsync(row.UserId, WhereField, row.WhereCipher, cancellationToken),
            await cipher.DecryptAsync(row.UserId, EvidenceField, row.EvidenceCipher, cancellationToken),
            LocalTime.FromUtc(row.CreatedAt, zone), row.UpdatedAt, row.Version);

    /// <summary>For the import: an entry exactly as exported, checked by the same rules (the date only against the distant future).</summary>
    internal async Task<Incident> RestoreAsync(Guid userId, IncidentRecord r, CancellationToken cancellationToken)
    {
        var input = new IncidentInput { Date = r.Date, Time = r.Time, What = r.What, Where = r.Where, Evidence = r.Evidence };
        // An export made in another time zone may hold today's date a few hours early; a day's grace covers it.
        var problems = IncidentRules.Check(Fields(input), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1));
        if (problems.Count > 0)
        {
            throw new Settings.ImportException("An incident is missing its date or description, has a date that can't be right, or is too long.");
        }

        var row = new Incident { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = r.CreatedAt };
        await ApplyAsync(row, input, r.UpdatedAt, cancellationToken);
        return row;
    }
}
