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
/// <summary>Why an import was refused, and where in the file when that is known.</summary>
public sealed record ImportProblem(string Message, string? Path = null);

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
    public async Task<string?> ImportAsync(Guid userId, Stream file, CancellationToken cancellationToken = default) =>
        (await ImportWithPathAsync(userId, file, cancellationToken))?.Message;

    /// <summary>As <see cref="ImportAsync"/>, with where in the file the problem is ("contacts[3].initiator") when known.</summary>
    public async Task<ImportProblem?> ImportWithPathAsync(Guid userId, Stream file, CancellationToken cancellationToken = default)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(file, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false }, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return new ImportProblem("This file is incomplete or damaged: it isn't valid JSON. Export again and use the new file.");
        }

        if (root is not JsonObject document || document["format"]?.GetValueKind() != JsonValueKind.String || (string?)document["format"] != Format)
        {
            return new ImportProblem("This isn't a Rekindle export file. Choose the .json file that Rekindle's export gave you.");
        }

        if (document["version"]?.GetValueKind() != JsonValueKind.Number || !document["version"]!.GetValue<JsonElement>().TryGetInt32(out var version) || version < 1)
        {
            return new ImportProblem("This export file has no valid version number, so it can't be read safely.");
        }

        if (version > CurrentVersion)
        {
            return new ImportProblem($"This file comes from a newer version of Rekindle (format {version}); this installation reads format {CurrentVersion}. Update Rekindle first, then import.");
        }

        if (!await IsEmptyAsync(userId, cancellationToken))
        {
            return new ImportProblem("Import restores everything into a fresh account, so this account must be empty. Create a new account and import there.");
        }

        // 1. Read and check the whole file: every section builds its records in memory, nothing is written.
        var added = new List<(object Entity, string Section)>();
        var section = "";
        void Track(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
        {
            if (!e.FromQuery && e.Entry.State == EntityState.Added)
            {
                added.Add((e.Entry.Entity, section));
            }
        }

        db.ChangeTracker.Tracked += Track;
        try
        {
            var context = new ImportContext();
            foreach (var part in Ordered)
            {
                section = part.Name;
                await part.ImportAsync(userId, document[part.Name], context, cancellationToken);
            }

            FindDuplicates(added);
        }
        catch (ImportException e)
        {
            db.ChangeTracker.Clear();
            return new ImportProblem($"Nothing was imported. {e.Message}", e.Path);
        }
        finally
        {
            db.ChangeTracker.Tracked -= Track;
        }

        // 2. Write in small batches, each its own short transaction, so other people's writes wait for one batch
        //    at most rather than the whole file. If a batch fails, what was written is removed again: the account
        //    was empty, so removing its records restores it.
        foreach (var (entity, _) in added)
        {
            db.Entry(entity).State = EntityState.Detached;
        }

        try
        {
            foreach (var batch in added.Select(a => a.Entity).Chunk(BatchSize))
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var entity in batch)
                {
                    db.Entry(entity).State = EntityState.Detached;
                }

                BatchCommitted?.Invoke(userId, batch.Length);
            }

            // The profile last: until then the account still reads as empty if anything fails.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await RemoveImportedAsync(userId, CancellationToken.None);
            throw;
        }

        return null;
    }

    /// <summary>Records written per transaction. Small enough that a batch commits in well under a second on modest hardware.</summary>
    public const int BatchSize = 250;

    /// <summary>Raised after each batch is committed, with the account and the batch's size (tests watch the batching).</summary>
    public static event Action<Guid, int>? BatchCommitted;

    /// <summary>
    /// Two records that the database would refuse as one (the same day's check-in, the same plan item on the same
    /// day): found before anything is written, and named.
    /// </summary>
    private void FindDuplicates(List<(object Entity, string Section)> added)
    {
        foreach (var group in added.GroupBy(a => a.Entity.GetType()))
        {
            var type = db.Model.FindEntityType(group.Key);
            foreach (var index in type?.GetIndexes().Where(i => i.IsUnique) ?? [])
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (entity, section) in group)
                {
                    var values = index.Properties.Where(p => p.Name != "UserId")
                        .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), Value: Convert.ToString(p.PropertyInfo?.GetValue(entity) ?? p.FieldInfo?.GetValue(entity), System.Globalization.CultureInfo.InvariantCulture)))
                        .ToList();
                    if (!seen.Add(string.Join("\u0001", values.Select(v => v.Value))))
                    {
                        throw new ImportException($"The \"{section}\" section has the same record twice ({string.Join(", ", values.Select(v => $"{v.Name} {v.Value}"))}).", section);
                    }
                }
            }
        }
    }

    /// <summary>Every kind of record a person owns, counted: anything but the account's own plumbing.</summary>
    private static readonly HashSet<Type> AccountPlumbing =
    [
        typeof(AppUser), typeof(UserProfile), typeof(UserKey), typeof(Security.UserSession), typeof(Security.AppLock), typeof(Progress.CelebratedMilestone),
    ];

    private IEnumerable<Type> PersonalKinds() =>
        db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType && t.FindProperty("UserId")?.ClrType == typeof(Guid)
                && !AccountPlumbing.Contains(t.ClrType) && t.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true)
            .Select(t => t.ClrType);

    private async Task<bool> IsEmptyAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await db.Profiles.AnyAsync(p => p.UserId == userId && (p.SituationCompletedAt != null || p.SafetyCompletedAt != null || p.NoContactStartedOn != null), cancellationToken))
        {
            return false;
        }

        foreach (var kind in PersonalKinds())
        {
            if (await (Task<bool>)AnyMethod.MakeGenericMethod(kind).Invoke(null, [db, userId, cancellationToken])!)
            {
                return false;
            }
        }

        return true;
    }

    private async Task RemoveImportedAsync(Guid userId, CancellationToken cancellationToken)
    {
        foreach (var kind in PersonalKinds())
        {
            await (Task<int>)DeleteMethod.MakeGenericMethod(kind).Invoke(null, [db, userId, cancellationToken])!;
        }
    }

    private static readonly System.Reflection.MethodInfo AnyMethod = typeof(DataTransferHandler).GetMethod(nameof(AnyOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static readonly System.Reflection.MethodInfo DeleteMethod = typeof(DataTransferHandler).GetMethod(nameof(DeleteOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static Task<bool> AnyOfAsync<T>(RekindleDbContext db, Guid userId, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().AnyAsync(e => EF.Property<Guid>(e, "UserId") == userId, cancellationToken);

    private static Task<int> DeleteOfAsync<T>(RekindleDbContext db, Guid userId, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().Where(e => EF.Property<Guid>(e, "UserId") == userId).ExecuteDeleteAsync(cancellationToken);
}
