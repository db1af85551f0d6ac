using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.Reminders;

public sealed record ReminderRecord(TimeOnly? DailyCheckInAt, bool Email);

public sealed class RemindersSection(RekindleDbContext db, TimeProvider clock) : IExportSection
{
    public string Name => "reminders";
    public int Order => 12;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var settings = await db.Set<ReminderSettings>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        return ExportJson.ToNode(new ReminderRecord(settings?.DailyCheckInAt, settings?.Email ?? false));
    }

    public Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return Task.CompletedTask;
        }

        var record = ExportJson.Read<ReminderRecord>(node, Name);
        if (record.DailyCheckInAt is not null || record.Email)
        {
            db.Add(new ReminderSettings { UserId = userId, DailyCheckInAt = record.DailyCheckInAt, Email = record.Email, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }

        return Task.CompletedTask;
    }
}
