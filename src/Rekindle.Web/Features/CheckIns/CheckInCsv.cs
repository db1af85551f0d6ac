using System.Globalization;
using System.Text;
using Rekindle.Core.CheckIns;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>Every check-in as CSV (RFC 4180), for a spreadsheet. Documented in docs/export-format.md.</summary>
public sealed class CheckInCsv(CheckInHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock)
{
    public const string ContentType = "text/csv";
    public const string FileName = "rekindle-check-ins.csv";
    public const string Header = "date,mood,sleep_hours,ate_properly,moved,urge_count,strongest_urge,had_contact,word";

    public async Task<byte[]> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var today = (await db.GetOrCreateAsync(cipher, userId, cancellationToken)).Today(clock);
        var rows = await handler.ListAsync(userId, CheckInRules.EarliestDate(today).AddYears(-1), today.AddDays(1), cancellationToken);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var c in rows)
        {
            text.Append(c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Mood.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.SleepHours.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.AteProperly ? "yes" : "no").Append(',')
                .Append(c.Moved ? "yes" : "no").Append(',')
                .Append(c.UrgeCount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.StrongestUrge?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.HadContact ? "yes" : "no").Append(',')
                .Append(Field(c.Word)).Append("\r\n");
        }

        // A byte order mark so spreadsheet programs read the words as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quotes as RFC 4180 asks, and defuses cells a spreadsheet would run as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
