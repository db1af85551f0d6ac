using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Journal;
using Rekindle.Core.Safety;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Journal;

public sealed class JournalInput
{
    public JournalKind? Kind { get; set; }

    /// <summary>The prompt the entry answers (kind Prompt); kept with the entry as it was shown.</summary>
    public string? Prompt { get; set; }

    public string? Body { get; set; }

    /// <summary>Comma-separated tags ("sleep, friends").</summary>
    public string? Tags { get; set; }

    public string? Thought { get; set; }
    public ThinkingPattern? Pattern { get; set; }
    public string? Kinder { get; set; }
    public int? Version { get; set; }
}

public sealed record JournalEntryView(
    Guid Id, JournalKind Kind, DateTime WrittenAt, DateOnly LocalDate, string? Prompt, string? Body, IReadOnlyList<string> Tags,
    string? Thought, ThinkingPattern? Pattern, string? Kinder, int Version, DateTime UpdatedAt)
{
    /// <summary>What the crisis reader found in the entry: on one entry (saved or opened), left out of lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SafetyView? Safety { get; init; }

    public string Excerpt
    {
        get
        {
            var text = Kind == JournalKind.Reframe ? Kinder ?? Thought ?? "" : Body ?? "";
            return text.Length <= 200 ? text : text[..200].TrimEnd() + "…";
        }
    }
}

public sealed record TodaysPrompt(int Day, string Prompt);

/// <summary>The journal: free writing, answers to the day's prompt, and reframes. Shared by pages and /api/v1/journal.</summary>
public sealed class JournalHandler(RekindleDbContext db, UserCipher cipher, ProgramContent content, TimeProvider clock, SafetyNet safety)
{
    public const int MaxPromptLength = 1_000;
    private const string PromptField = "journal.prompt";
    private const string BodyField = "journal.body";
    private const string TagsField = "journal.tags";
    private const string ThoughtField = "journal.thought";
    private const string KinderField = "journal.kinder";
    internal const string PatternField = "journal-pattern";

    /// <summary>Today's prompt from the user's track's plan: program day N since no contact began (or the healing track did), or day 1 before it has.</summary>
    public async Task<TodaysPrompt> TodaysPromptAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var day = await db.PlanDayAsync(profile, clock, cancellationToken);
        return new TodaysPrompt(day, content.Day(profile.Track(), day).Prompt);
    }

    /// <summary>The user's entries, newest first, filtered by words and a tag. The text is encrypted, so filtering happens here.</summary>
    public async Task<IReadOnlyList<JournalEntryView>> ListAsync(Guid userId, string? search = null, string? tag = null, CancellationToken cancellationToken = default)
    {
        var zone = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone();
        var rows = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.CreatedAt).ToListAsync(cancellationToken);
        var wantedTag = string.IsNullOrWhiteSpace(tag) ? null : JournalRules.NormalizeTag(tag);
        var views = new List<JournalEntryView>();
        foreach (var row in rows)
        {
            var view = await ToViewAsync(row, zone, cancellationToken);
            if ((wantedTag is null || view.Tags.Contains(wantedTag, StringComparer.Ordinal))
                && JournalRules.Matches(search, view.Body, view.Prompt, view.Thought, view.Kinder, string.Join(' ', view.Tags)))
            {
                views.Add(view);
            }
        }

        return views;
    }

    public async Task<JournalEntryView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<JournalEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var view = await ToViewAsync(row, (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone(), cancellationToken);
        return view with { Safety = await safety.ShowAsync(userId, Voice.Own, cancellationToken, view.Thought, view.Kinder, view.Body) };
    }

    public async Task<Outcome<JournalEntryView>> CreateAsync(Guid userId, JournalInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reading = ReadAndUnlabel(input);
        var (errors, tags) = Validate(input, bindingErrors, unlabelled: reading.IsCrisis);
        if (errors.Any)
        {
            return Outcome<JournalEntryView>.Invalid(errors);
        }

        var profile = await db.GetOrCreateAsync(cipher, userId, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new JournalEntry
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Kind = input.Kind!.Value,
            CreatedAt = now.UtcDateTime,
            LocalDate = LocalCalendar.DateIn(now, profile.Zone()),
        };
        await ApplyAsync(row, input, tags, now.UtcDateTime, cancellationToken);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<JournalEntryView>.Ok(await ToViewAsync(row, profile.Zone(), cancellationToken) with { Safety = await SafetyAsync(userId, reading, cancellationToken) });
    }

    public async Task<Outcome<JournalEntryView>> UpdateAsync(Guid userId, Guid id, JournalInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<JournalEntry>().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        if (row is null)
        {
            return Outcome<JournalEntryView>.NotFound();
        }

        // The kind of an entry is fixed when it is written.
        input.Kind = row.Kind;
        var reading = ReadAndUnlabel(input);
        var (errors, tags) = Validate(input, bindingErrors, unlabelled: reading.IsCrisis);
        if (input.Version is { } version && version != row.Version)
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<JournalEntryView>.Invalid(errors);
        }

        await ApplyAsync(row, input, tags, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<JournalEntryView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<JournalEntryView>.Ok(await ToViewAsync(row, (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Zone(), cancellationToken)
            with { Safety = await SafetyAsync(userId, reading, cancellationToken) });
    }

    /// <summary>
    /// Reads the entry for danger before it is validated. A reframe whose words are a crisis is not given a thinking-trap
    /// label (a statement of intent is not a distortion to argue with), and it saves without the pattern or the kinder
    /// version: nothing typed is blocked.
    /// </summary>
    private CrisisReading ReadAndUnlabel(JournalInput input)
    {
        // Text over its limit is refused by the validation anyway: not worth reading.
        if (input.Body?.Length > JournalRules.MaxBodyLength || input.Thought?.Length > JournalRules.MaxThoughtLength || input.Kinder?.Length > JournalRules.MaxThoughtLength)
        {
            return CrisisReading.None;
        }

        var reading = safety.Read(Voice.Own, input.Thought, input.Kinder, input.Body);
        if (reading.IsCrisis && input.Kind == JournalKind.Reframe)
        {
            input.Pattern = null;
        }

        return reading;
    }

    private async Task<SafetyView> SafetyAsync(Guid userId, CrisisReading reading, CancellationToken cancellationToken)
    {
        await safety.RecordAsync(userId, reading, cancellationToken);
        return await safety.ViewAsync(userId, reading, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<JournalEntry>().Where(e => e.Id == id && e.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <param name="unlabelled">A reframe whose words are a crisis: it needs no pattern and no kinder version.</param>
    public static (FieldErrors Errors, IReadOnlyList<string> Tags) Validate(JournalInput input, FieldErrors? bindingErrors = null, bool unlabelled = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = bindingErrors ?? new FieldErrors();
        if (input.Kind is null)
        {
            if (!errors.Fields.Contains(nameof(input.Kind)))
            {
                errors.Add(nameof(input.Kind), "Choose free writing, the day's prompt or a reframe.");
            }

            return (errors, []);
        }

        if (input.Kind == JournalKind.Reframe)
        {
            Required(errors, nameof(input.Thought), input.Thought, JournalRules.MaxThoughtLength, JournalRules.Messages.EmptyThought);
            if (unlabelled)
            {
                input.Pattern = null;
                Optional(errors, nameof(input.Kinder), input.Kinder, JournalRules.MaxThoughtLength);
            }
            else if (input.Pattern is null && !errors.Fields.Contains(nameof(input.Pattern)))
            {
                errors.Add(nameof(input.Pattern), JournalRules.Messages.PatternMissing);
            }
            else if (input.Pattern is { } pattern && !Enum.IsDefined(pattern))
            {
                errors.Add(nameof(input.Pattern), JournalRules.Messages.PatternMissing);
            }

            if (!unlabelled)
            {
                Required(errors, nameof(input.Kinder), input.Kinder, JournalRules.MaxThoughtLength, JournalRules.Messages.EmptyKinder);
            }

            Optional(errors, nameof(input.Body), input.Body, JournalRules.MaxBodyLength);
        }
        else
        {
            Required(errors, nameof(input.Body), input.Body, JournalRules.MaxBodyLength, JournalRules.Messages.EmptyEntry);
        }

        if (input.Kind == JournalKind.Prompt)
        {
            Required(errors, nameof(input.Prompt), input.Prompt, MaxPromptLength, "This entry answers a prompt, but the prompt is missing. Open today's prompt again.");
        }

        var (tags, tagError) = JournalRules.ParseTags(input.Tags);
        if (tagError is not null)
        {
            errors.Add(nameof(input.Tags), tagError);
        }

        return (errors, tags);
    }

    private static void Required(FieldErrors errors, string field, string? value, int max, string emptyMessage)
    {
        if (errors.Fields.Contains(field))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, emptyMessage);
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    private static void Optional(FieldErrors errors, string field, string? value, int max)
    {
        if (value?.Length > max && !errors.Fields.Contains(field))
        {
            errors.Add(field, JournalRules.Messages.TooLong(max, value.Length));
        }
    }

    private async Task ApplyAsync(JournalEntry row, JournalInput input, IReadOnlyList<string> tags, DateTime now, CancellationToken cancellationToken)
    {
        var reframe = row.Kind == JournalKind.Reframe;
        row.PromptCipher = row.Kind == JournalKind.Prompt ? await cipher.EncryptAsync(row.UserId, PromptField, input.Prompt!.Trim(), cancellationToken) : null;
        row.BodyCipher = await cipher.EncryptAsync(row.UserId, BodyField, Trimmed(input.Body), cancellationToken);
        row.TagsCipher = tags.Count == 0 ? null : await cipher.EncryptAsync(row.UserId, TagsField, string.Join(',', tags), cancellationToken);
        row.ThoughtCipher = reframe ? await cipher.EncryptAsync(row.UserId, ThoughtField, input.Thought!.Trim(), cancellationToken) : null;
        row.PatternCipher = reframe && input.Pattern is { } pattern ? await cipher.EncryptAsync(row.UserId, PatternField, pattern.ToString(), cancellationToken) : null;
        row.KinderCipher = reframe ? await cipher.EncryptAsync(row.UserId, KinderField, Trimmed(input.Kinder), cancellationToken) : null;
        row.UpdatedAt = now;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal async Task<JournalEntryView> ToViewAsync(JournalEntry row, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var tags = await cipher.DecryptAsync(row.UserId, TagsField, row.TagsCipher, cancellationToken);
        return new(row.Id, row.Kind, LocalTime.FromUtc(row.CreatedAt, zone), row.LocalDate,
            await cipher.DecryptAsync(row.UserId, PromptField, row.PromptCipher, cancellationToken),
            await cipher.DecryptAsync(row.UserId, BodyField, row.BodyCipher, cancellationToken),
            tags is null ? [] : tags.Split(','),
            await cipher.DecryptAsync(row.UserId, ThoughtField, row.ThoughtCipher, cancellationToken),
            await cipher.DecryptAsync(row.UserId, PatternField, row.PatternCipher, cancellationToken) is { } pattern ? Enum.Parse<ThinkingPattern>(pattern) : null,
            await cipher.DecryptAsync(row.UserId, KinderField, row.KinderCipher, cancellationToken),
            row.Version, row.UpdatedAt);
    }

    /// <summary>For the import: writes an entry exactly as exported.</summary>
    internal async Task<JournalEntry> RestoreAsync(Guid userId, JournalEntryRecord r, CancellationToken cancellationToken)
    {
        var input = new JournalInput { Kind = r.Kind, Prompt = r.Prompt, Body = r.Body, Tags = string.Join(',', r.Tags), Thought = r.Thought, Pattern = r.Pattern, Kinder = r.Kinder };
        // A reframe kept without a pattern is one whose words were a crisis when written.
        var (errors, tags) = Validate(input, unlabelled: r.Kind == JournalKind.Reframe && r.Pattern is null);
        if (errors.Any || tags.Count != r.Tags.Count)
        {
            throw new Settings.ImportException("A journal entry is missing a required part, is too long, or has tags that can't be read.");
        }

        var row = new JournalEntry { Id = Guid.CreateVersion7(), UserId = userId, Kind = r.Kind, CreatedAt = r.CreatedAt, LocalDate = r.LocalDate };
        await ApplyAsync(row, input, tags, r.UpdatedAt, cancellationToken);
        return row;
    }
}
