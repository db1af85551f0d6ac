using Rekindle.Core;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Letters;

public sealed class LetterInput
{
    public string? Body { get; set; }
}

public sealed record LetterView(Guid Id, DateTime WrittenAt, DateOnly LocalDate, string Body, Guid? UrgeId)
{
    /// <summary>What the crisis reader found in the letter: on one letter (saved or opened), left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }

    public string Excerpt => Body.Length <= 180 ? Body : Body[..180].TrimEnd() + "…";
}

/// <summary>Unsent letters: written, kept, never sent. Shared by the pages and /api/v1/letters.</summary>
public sealed class LettersHandler(RekindleDbContext db, UserCipher cipher, TimeProvider clock, SafetyNet safety)
{
    public const int MaxLength = 20_000;
    public const string BodyField = "letter.body";

    /// <summary>
    /// One page of the letters list, newest first (a search looks through every letter, then pages what matched).
    /// A page past the end is the last one. Only the letters on the page are decrypted when nothing is searched.
    /// </summary>
    public async Task<LetterPage> ListPageAsync(Guid userId, string? search, int? page, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            var found = await ListAsync(userId, search, cancellationToken);
            var at = Paging.Clamp(page, found.Count);
            return new LetterPage(found.Skip((at - 1) * Paging.PageSize).Take(Paging.PageSize).ToList(), at, Paging.PageCount(found.Count), found.Count);
        }

        var mine = db.Set<UnsentLetter>().AsNoTracking().Where(l => l.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var number = Paging.Clamp(page, total);
        var rows = await mine.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize).ToListAsync(cancellationToken);
        var zone = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone();
        var views = new List<LetterView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ToViewAsync(row, zone, cancellationToken));
        }

        return new LetterPage(views, number, Paging.PageCount(total), total);
    }

    public async Task<IReadOnlyList<LetterView>> ListAsync(Guid userId, string? search = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<UnsentLetter>().AsNoTracking().Where(l => l.UserId == userId).OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
        var zone = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone();
        var views = new List<LetterView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ToViewAsync(row, zone, cancellationToken));
        }

        // The text is encrypted, so search happens here, over the user's own letters only.
        var term = search?.Trim();
        return string.IsNullOrEmpty(term)
            ? views
            : views.Where(v => v.Body.Contains(term, StringComparison.CurrentCultureIgnoreCase)).ToList();
    }

    public async Task<LetterView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<UnsentLetter>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var view = await ToViewAsync(row, (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone(), cancellationToken);
        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, view.Body) };
    }

    public static FieldErrors Validate(LetterInput input, FieldErrors? bindingErrors = null)
    {
        var errors = bindingErrors ?? new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors.Add(nameof(input.Body), "Write something first. Even one line counts.");
        }
        else if (input.Body.Length > MaxLength)
        {
            errors.Add(nameof(input.Body), $"A letter can be up to {MaxLength:N0} characters; this one has {input.Body.Length:N0}. Keep the heart of it, or split it into two letters.");
        }

        return errors;
    }

    public async Task<Outcome<LetterView>> CreateAsync(Guid userId, LetterInput input, FieldErrors? bindingErrors = null, Guid? urgeId = null, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input, bindingErrors);
        if (errors.Any)
        {
            return Outcome<LetterView>.Invalid(errors);
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var now = clock.GetUtcNow();
        var letter = new UnsentLetter
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = now.UtcDateTime,
            LocalDate = LocalCalendar.DateIn(now, profile.Zone()),
            BodyCipher = (await cipher.EncryptAsync(userId, BodyField, input.Body!.Trim(), cancellationToken))!,
            UrgeId = urgeId,
        };
        db.Add(letter);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<LetterView>.Ok(await ToViewAsync(letter, profile.Zone(), cancellationToken)
            with { Safety = await safety.CheckAsync(userId, Voice.Own, cancellationToken, input.Body) });
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<UnsentLetter>().Where(l => l.Id == id && l.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<LetterView> ToViewAsync(UnsentLetter row, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        new(row.Id, LocalTime.FromUtc(row.CreatedAt, zone), row.LocalDate, (await cipher.DecryptAsync(row.UserId, BodyField, row.BodyCipher, cancellationToken))!, row.UrgeId);
}

/// <summary>One page of letters, with where it sits among the rest.</summary>
public sealed record LetterPage(IReadOnlyList<LetterView> Letters, int Page, int PageCount, int Total);
