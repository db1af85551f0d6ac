using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Content;
using Rekindle.Core.TalkPrep;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Journeys;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.TalkPrep;

/// <summary>The worksheet as PUT /api/v1/talk-prep takes it: five short texts, each optional.</summary>
public sealed class TalkPrepInput
{
    /// <summary>What I own: my part in what went wrong.</summary>
    public string? Own { get; set; }

    /// <summary>What I changed, and how I know it changed.</summary>
    public string? Changed { get; set; }

    /// <summary>What I want now.</summary>
    public string? Want { get; set; }

    /// <summary>What I will ask them.</summary>
    public string? Ask { get; set; }

    /// <summary>What would make me walk away.</summary>
    public string? WalkAway { get; set; }

    /// <summary>The version the worksheet was read at (0 before there is one); a newer stored version means the form is stale.</summary>
    public int? Version { get; set; }
}

/// <param name="FromInventory">True while nothing is saved yet and a part was filled in from the honest inventory.</param>
public sealed record TalkPrepView(string Own, string Changed, string Want, string Ask, string WalkAway, bool FromInventory, int Version, DateTime? UpdatedAt)
{
    public static TalkPrepView From(TalkPrepContent c, bool fromInventory, int version, DateTime? updatedAt) =>
        new(c.Own, c.Changed, c.Want, c.Ask, c.WalkAway, fromInventory, version, updatedAt);
}

/// <summary>
/// The worksheet for the talk, for the page at /talk-prep and GET/PUT /api/v1/talk-prep. It belongs to the talk stage,
/// so the reconciliation policy is asked first: when it closes the way back, the worksheet is not offered.
/// </summary>
public sealed class TalkPrepHandler(RekindleDbContext db, UserCipher cipher, ReconciliationGate gate, PageStrings strings, TimeProvider clock)
{
    public const string WorksheetField = "talk-prep";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The worksheet, or the policy's refusal. Before one is saved it starts from the latest inventory.</summary>
    public async Task<Outcome<TalkPrepView>> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
        {
            return Outcome<TalkPrepView>.Refused(refusal);
        }

        if (await ReadAsync(userId, cancellationToken) is { } saved)
        {
            return Outcome<TalkPrepView>.Ok(saved);
        }

        var inventory = await LatestInventoryAsync(userId, cancellationToken);
        var prefilled = TalkPrepRules.Prefill(inventory);
        return Outcome<TalkPrepView>.Ok(TalkPrepView.From(prefilled, !prefilled.IsEmpty, 0, null));
    }

    public async Task<Outcome<TalkPrepView>> SaveAsync(Guid userId, TalkPrepInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await gate.RefuseAsync(userId, cancellationToken) is { } refusal)
        {
            return Outcome<TalkPrepView>.Refused(refusal);
        }

        var errors = bindingErrors ?? new FieldErrors();
        var (content, tooLong) = TalkPrepRules.Clean(input.Own, input.Changed, input.Want, input.Ask, input.WalkAway);
        foreach (var field in tooLong)
        {
            var length = TalkPrepRules.Sections.Single(s => s.Field == field).Read(content).Length;
            errors.Add(field, Messages.TooLong(strings, "talk-prep.invalid.too-long", TalkPrepRules.MaxLength, length));
        }

        var row = await db.Set<TalkPrepRow>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (input.Version is { } version && version != (row?.Version ?? 0))
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<TalkPrepView>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cipherText = await EncryptAsync(userId, content, cancellationToken);
        if (row is null)
        {
            row = new TalkPrepRow { UserId = userId, WorksheetCipher = cipherText, CreatedAt = now, UpdatedAt = now, Version = 1 };
            db.Add(row);
        }
        else
        {
            if (input.Version is { } formVersion)
            {
                db.Entry(row).Property(p => p.Version).OriginalValue = formVersion;
            }

            row.WorksheetCipher = cipherText;
            row.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved first on another tab or device (a newer version, or a worksheet created a moment ago).
            db.ChangeTracker.Clear();
            return Outcome<TalkPrepView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<TalkPrepView>.Ok(TalkPrepView.From(content, false, row.Version, row.UpdatedAt));
    }

    /// <summary>The saved worksheet without asking the policy (for the export, which keeps everything the user wrote), or null.</summary>
    internal async Task<TalkPrepView?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<TalkPrepRow>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var json = await cipher.DecryptAsync(userId, WorksheetField, row.WorksheetCipher, cancellationToken);
        var stored = json is null ? null : JsonSerializer.Deserialize<Stored>(json, Json);
        var content = new TalkPrepContent(stored?.Own ?? "", stored?.Changed ?? "", stored?.Want ?? "", stored?.Ask ?? "", stored?.WalkAway ?? "");
        return TalkPrepView.From(content, false, row.Version, row.UpdatedAt);
    }

    /// <summary>The worksheet's first saved date, for the export.</summary>
    internal Task<DateTime?> CreatedAtAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<TalkPrepRow>().AsNoTracking().Where(p => p.UserId == userId).Select(p => (DateTime?)p.CreatedAt).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Adds an imported worksheet to a fresh account (the export section calls this inside the import).</summary>
    internal async Task RestoreAsync(Guid userId, TalkPrepContent content, DateTime createdAt, DateTime updatedAt, CancellationToken cancellationToken) =>
        db.Add(new TalkPrepRow { UserId = userId, WorksheetCipher = await EncryptAsync(userId, content, cancellationToken), CreatedAt = createdAt, UpdatedAt = updatedAt, Version = 1 });

    private async Task<string> EncryptAsync(Guid userId, TalkPrepContent content, CancellationToken cancellationToken) =>
        (await cipher.EncryptAsync(userId, WorksheetField,
            JsonSerializer.Serialize(new Stored(content.Own, content.Changed, content.Want, content.Ask, content.WalkAway), Json), cancellationToken))!;

    private async Task<IReadOnlyDictionary<string, string>> LatestInventoryAsync(Guid userId, CancellationToken cancellationToken)
    {
        var cipherText = await db.Set<AssessmentRevision>().AsNoTracking().Where(a => a.UserId == userId && a.Kind == AssessmentKinds.Inventory)
            .OrderByDescending(a => a.CreatedAt).Select(a => a.AnswersCipher).FirstOrDefaultAsync(cancellationToken);
        return cipherText is null
            ? new Dictionary<string, string>()
            : AssessmentHandler.Read(await cipher.DecryptAsync(userId, AssessmentHandler.AnswersField, cipherText, cancellationToken)).Values;
    }

    /// <summary>The encrypted JSON's shape. A part missing from an older value reads as empty.</summary>
    private sealed record Stored(string? Own, string? Changed, string? Want, string? Ask, string? WalkAway);
}
