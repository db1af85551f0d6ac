using System.Text.Json.Nodes;
using Rekindle.Core.TalkPrep;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.TalkPrep;

public sealed record TalkPrepRecord(string? Own, string? Changed, string? Want, string? Ask, string? WalkAway, DateTime? CreatedAt, DateTime? UpdatedAt);

/// <summary>The talk worksheet in the export file, in plain text like everything else the user wrote; null before one is saved.</summary>
public sealed class TalkPrepSection(TalkPrepHandler handler, TimeProvider clock) : IExportSection
{
    public string Name => "talkPrep";
    public int Order => 22;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Exported even while the reconciliation policy closes the page: the file is the user's own copy of all they wrote.
        var saved = await handler.ReadAsync(userId, cancellationToken);
        var createdAt = await handler.CreatedAtAsync(userId, cancellationToken);
        return ExportJson.ToNode(saved is null
            ? new TalkPrepRecord(null, null, null, null, null, null, null)
            : new TalkPrepRecord(saved.Own, saved.Changed, saved.Want, saved.Ask, saved.WalkAway, createdAt, saved.UpdatedAt));
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        // Exports made before the worksheet existed have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        var r = ExportJson.Read<TalkPrepRecord>(node, Name);
        var (content, tooLong) = TalkPrepRules.Clean(r.Own, r.Changed, r.Want, r.Ask, r.WalkAway);
        if (tooLong.Count > 0)
        {
            throw new ImportException("The talk worksheet has a part that is too long.", Name);
        }

        if (content.IsEmpty && r.CreatedAt is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await handler.RestoreAsync(userId, content, r.CreatedAt ?? now, r.UpdatedAt ?? r.CreatedAt ?? now, cancellationToken);
    }
}
