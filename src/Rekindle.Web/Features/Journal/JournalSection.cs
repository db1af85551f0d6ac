using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Journal;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.Journal;

public sealed record JournalEntryRecord(
    JournalKind Kind, DateTime CreatedAt, DateTime UpdatedAt, DateOnly LocalDate, string? Prompt, string? Body, IReadOnlyList<string> Tags,
    string? Thought, ThinkingPattern? Pattern, string? Kinder);

public sealed class JournalSection(RekindleDbContext db, JournalHandler handler) : IExportSection
{
    public string Name => "journal";
    public int Order => 11;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<JournalEntryRecord>();
        foreach (var row in await db.Set<JournalEntry>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
        {
            var v = await handler.ToViewAsync(row, TimeZoneInfo.Utc, cancellationToken);
            records.Add(new(v.Kind, row.CreatedAt, row.UpdatedAt, v.LocalDate, v.Prompt, v.Body, v.Tags, v.Thought, v.Pattern, v.Kinder));
        }

        // Ties on time are broken by content so an export and its re-import list entries in the same order.
        return ExportJson.ToNode(records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Body ?? r.Thought, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return;
        }

        foreach (var record in ExportJson.Read<List<JournalEntryRecord>>(node, Name))
        {
            db.Add(await handler.RestoreAsync(userId, record with { Tags = record.Tags ?? [] }, cancellationToken));
        }
    }
}
