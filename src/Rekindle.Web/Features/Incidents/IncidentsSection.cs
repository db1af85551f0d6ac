using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Incidents;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.Incidents;

public sealed record IncidentRecord(DateOnly Date, TimeOnly? Time, string What, string? Where, string? Evidence, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The incident log in the export file, oldest first, in plain text (the file is the user's own copy).</summary>
public sealed class IncidentsSection(RekindleDbContext db, IncidentHandler handler) : IExportSection
{
    public string Name => "incidents";
    public int Order => 16;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<IncidentRecord>();
        foreach (var row in await db.Set<Incident>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
        {
            var v = await handler.ToViewAsync(row, TimeZoneInfo.Utc, cancellationToken);
            records.Add(new(v.Date, v.Time, v.What, v.Where, v.Evidence, row.CreatedAt, row.UpdatedAt));
        }

        // Ties are broken by content so an export and its re-import list entries in the same order.
        return ExportJson.ToNode(records.OrderBy(r => new IncidentOrderKey(r.Date, r.Time, r.CreatedAt)).ThenBy(r => r.What, StringComparer.Ordinal).ToList());
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        // Files exported before the log existed have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        foreach (var record in ExportJson.Read<List<IncidentRecord>>(node, Name))
        {
            db.Add(await handler.RestoreAsync(userId, record, cancellationToken));
        }
    }
}
