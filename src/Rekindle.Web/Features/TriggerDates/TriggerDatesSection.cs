using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.TriggerDates;

public sealed record TriggerDateRecord(string Label, DateOnly Date, bool Yearly, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The dates that will hurt in the export file, by day, with their labels in plain text (the file is the user's own copy).</summary>
public sealed class TriggerDatesSection(RekindleDbContext db, TriggerDateHandler handler) : IExportSection
{
    public string Name => "triggerDates";
    public int Order => 23;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<TriggerDateRecord>();
        foreach (var row in await db.Set<TriggerDate>().AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken))
        {
            var view = await handler.ToViewAsync(row, DateOnly.MinValue, cancellationToken);
            records.Add(new(view.Label, row.Date, row.Yearly, row.CreatedAt, row.UpdatedAt));
        }

        // Ties are broken by content so an export and its re-import list dates in the same order.
        return ExportJson.ToNode(records.OrderBy(r => r.Date).ThenBy(r => r.Label, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        // Files exported before dates could be marked have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        foreach (var record in ExportJson.Read<List<TriggerDateRecord>>(node, Name))
        {
            db.Add(await handler.RestoreAsync(userId, record, cancellationToken));
        }
    }
}
