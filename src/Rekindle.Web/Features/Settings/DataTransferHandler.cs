using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.ExMessages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.Urges;

namespace Rekindle.Web.Features.Settings;

/// <summary>
/// Export everything a user has as one JSON document (schema: docs/export-format.md), and import it into a
/// fresh account, all or nothing.
/// </summary>
public sealed class DataTransferHandler(RekindleDbContext db, IEnumerable<IExportSection> sections, TimeProvider clock)
{
    public const string Format = "rekindle-export";
    public const int CurrentVersion = 1;
    public const long MaxImportBytes = 50L * 1024 * 1024;

    private IEnumerable<IExportSection> Ordered => sections.OrderBy(s => s.Order);

    public async Task<JsonObject> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var document = new JsonObject
        {
            ["format"] = Format,
            ["version"] = CurrentVersion,
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["account"] = new JsonObject { ["email"] = email },
        };
        foreach (var section in Ordered)
        {
            document[section.Name] = await section.ExportAsync(userId, cancellationToken);
        }

        return document;
    }

    /// <summary>Reads an export file into this (empty) account. Returns a reason on failure; nothing is written then.</summary>
    public async Task<string?> ImportAsync(Guid userId, Stream file, CancellationToken cancellationToken = default)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(file, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false }, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return "This file is incomplete or damaged: it isn't valid JSON. Export again and use the new file.";
        }

        if (root is not JsonObject document || document["format"]?.GetValueKind() != JsonValueKind.String || (string?)document["format"] != Format)
        {
            return "This isn't a Rekindle export file. Choose the .json file that Rekindle's export gave you.";
        }

        if (document["version"]?.GetValueKind() != JsonValueKind.Number || !document["version"]!.GetValue<JsonElement>().TryGetInt32(out var version) || version < 1)
        {
            return "This export file has no valid version number, so it can't be read safely.";
        }

        if (version > CurrentVersion)
        {
            return $"This file comes from a newer version of Rekindle (format {version}); this installation reads format {CurrentVersion}. Update Rekindle first, then import.";
        }

        if (!await IsEmptyAsync(userId, cancellationToken))
        {
            return "Import restores everything into a fresh account, so this account must be empty. Create a new account and import there.";
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var context = new ImportContext();
                foreach (var section in Ordered)
                {
                    await section.ImportAsync(userId, document[section.Name], context, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (ImportException e)
        {
            db.ChangeTracker.Clear();
            return $"Nothing was imported. {e.Message}";
        }

        return null;
    }

    private async Task<bool> IsEmptyAsync(Guid userId, CancellationToken cancellationToken) =>
        !await db.Contacts.AnyAsync(c => c.UserId == userId, cancellationToken)
        && !await db.Set<Urge>().AnyAsync(u => u.UserId == userId, cancellationToken)
        && !await db.Set<UnsentLetter>().AnyAsync(l => l.UserId == userId, cancellationToken)
        && !await db.Set<ExMessage>().AnyAsync(m => m.UserId == userId, cancellationToken)
        && !await db.Set<SafetyPlan.SafetyPlanRow>().AnyAsync(p => p.UserId == userId, cancellationToken)
        && !await db.Set<Incidents.Incident>().AnyAsync(i => i.UserId == userId, cancellationToken)
        && !await db.Profiles.AnyAsync(p => p.UserId == userId && (p.SituationCompletedAt != null || p.NoContactStartedOn != null), cancellationToken);
}
