using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.CheckIns;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.CheckIns;

public sealed record CheckInRecord(
    DateOnly Date, int Mood, decimal SleepHours, bool AteProperly, bool Moved, int UrgeCount, int? StrongestUrge, bool HadContact, string? Word,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed class CheckInsSection(RekindleDbContext db, UserCipher cipher) : IExportSection
{
    public string Name => "checkIns";
    public int Order => 10;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var records = new List<CheckInRecord>();
        foreach (var c in await db.Set<CheckInEntry>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.LocalDate).ToListAsync(cancellationToken))
        {
            await CheckInNumbers.OpenAsync(cipher, c, cancellationToken);
            records.Add(new(c.LocalDate, c.Mood, CheckInEntry.SleepHours(c.SleepHalfHours), c.AteProperly, c.Moved, c.UrgeCount, c.StrongestUrge, c.HadContact,
                await cipher.DecryptAsync(userId, CheckInHandler.WordField, c.WordCipher, cancellationToken), c.CreatedAt, c.UpdatedAt));
        }

        return ExportJson.ToNode(records);
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        // Exports made before check-ins existed have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        var seen = new HashSet<DateOnly>();
        foreach (var r in ExportJson.Read<List<CheckInRecord>>(node, Name))
        {
            // The same rules as the form, judged against the record's own day so old check-ins stay valid.
            var validation = CheckInRules.Validate(new CheckIn(r.Date, r.Mood, r.SleepHours, r.AteProperly, r.Moved, r.UrgeCount, r.StrongestUrge, r.HadContact, r.Word), r.Date);
            if (!validation.IsValid || !seen.Add(r.Date))
            {
                throw new ImportException($"The check-in for {r.Date:yyyy-MM-dd} is not valid or appears twice.");
            }

            var c = validation.Value!;
            var row = new CheckInEntry
            {
                Id = Guid.CreateVersion7(), UserId = userId, Version = 1, LocalDate = c.Date, Mood = c.Mood, SleepHalfHours = CheckInEntry.SleepHalfHoursFrom(c.SleepHours), AteProperly = c.AteProperly,
                Moved = c.Moved, UrgeCount = c.UrgeCount, StrongestUrge = c.StrongestUrge, HadContact = c.HadContact,
                WordCipher = await cipher.EncryptAsync(userId, CheckInHandler.WordField, c.Word, cancellationToken), CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
            };
            await CheckInNumbers.SealAsync(cipher, row, cancellationToken);
            db.Add(row);
        }
    }
}
