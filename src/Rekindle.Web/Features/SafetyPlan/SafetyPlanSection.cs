using System.Text.Json.Nodes;
using Rekindle.Core.SafetyPlan;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.SafetyPlan;

public sealed record SafetyPlanRecord(
    IReadOnlyList<string>? WarningSigns, IReadOnlyList<string>? CopingSteps, IReadOnlyList<string>? Distractions, IReadOnlyList<string>? People,
    IReadOnlyList<string>? Professionals, IReadOnlyList<string>? SafeEnvironment, IReadOnlyList<string>? ReasonsForLiving,
    DateTime? CreatedAt, DateTime? UpdatedAt);

/// <summary>The safety plan in the export file, in plain text like everything else the user wrote.</summary>
public sealed class SafetyPlanSection(SafetyPlanHandler handler, TimeProvider clock) : IExportSection
{
    public string Name => "safetyPlan";
    public int Order => 21;

    public async Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var plan = await handler.GetAsync(userId, cancellationToken);
        var dates = await handler.DatesAsync(userId, cancellationToken);
        return ExportJson.ToNode(new SafetyPlanRecord(plan.WarningSigns, plan.CopingSteps, plan.Distractions, plan.People, plan.Professionals,
            plan.SafeEnvironment, plan.ReasonsForLiving, dates?.CreatedAt, dates?.UpdatedAt));
    }

    public async Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken)
    {
        // Exports made before the safety plan existed have no section: nothing to restore.
        if (node is null)
        {
            return;
        }

        var r = ExportJson.Read<SafetyPlanRecord>(node, Name);
        var validation = SafetyPlanRules.Validate(r.WarningSigns, r.CopingSteps, r.Distractions, r.People, r.Professionals, r.SafeEnvironment, r.ReasonsForLiving);
        if (!validation.IsValid)
        {
            throw new ImportException("The safety plan has a section with too many lines, or a line that is too long.");
        }

        if (validation.Value!.IsEmpty && r.CreatedAt is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await handler.RestoreAsync(userId, validation.Value, r.CreatedAt ?? now, r.UpdatedAt ?? r.CreatedAt ?? now, cancellationToken);
    }
}
