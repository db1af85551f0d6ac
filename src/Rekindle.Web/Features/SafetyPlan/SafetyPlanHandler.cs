using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Core.SafetyPlan;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.SafetyPlan;

/// <summary>The plan as PUT /api/v1/safety-plan takes it: each section a list of short lines.</summary>
public sealed class SafetyPlanInput
{
    public List<string?>? WarningSigns { get; set; }
    public List<string?>? CopingSteps { get; set; }

    /// <summary>People and places that take the user's mind off things.</summary>
    public List<string?>? Distractions { get; set; }

    /// <summary>People the user can ask for help.</summary>
    public List<string?>? People { get; set; }

    public List<string?>? Professionals { get; set; }
    public List<string?>? SafeEnvironment { get; set; }
    public List<string?>? ReasonsForLiving { get; set; }

    /// <summary>The version the plan was read at (0 before there is one); a newer stored version means the form is stale.</summary>
    public int? Version { get; set; }
}

public sealed record SafetyPlanView(
    IReadOnlyList<string> WarningSigns,
    IReadOnlyList<string> CopingSteps,
    IReadOnlyList<string> Distractions,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Professionals,
    IReadOnlyList<string> SafeEnvironment,
    IReadOnlyList<string> ReasonsForLiving,
    int Version,
    DateTime? UpdatedAt)
{
    [JsonIgnore]
    public SafetyPlanContent Content => new(WarningSigns, CopingSteps, Distractions, People, Professionals, SafeEnvironment, ReasonsForLiving);

    public static SafetyPlanView From(SafetyPlanContent c, int version, DateTime? updatedAt) =>
        new(c.WarningSigns, c.CopingSteps, c.Distractions, c.People, c.Professionals, c.SafeEnvironment, c.ReasonsForLiving, version, updatedAt);
}

/// <summary>The personal safety plan. Used by the page at /safety-plan, GET/PUT /api/v1/safety-plan and the export.</summary>
public sealed class SafetyPlanHandler(RekindleDbContext db, UserCipher cipher, TimeProvider clock)
{
    public const string PlanField = "safety-plan";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SafetyPlanView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<SafetyPlanRow>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return row is null ? SafetyPlanView.From(SafetyPlanContent.Empty, 0, null) : SafetyPlanView.From(await DecryptAsync(userId, row, cancellationToken), row.Version, row.UpdatedAt);
    }

    public async Task<Outcome<SafetyPlanView>> SaveAsync(Guid userId, SafetyPlanInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = bindingErrors ?? new FieldErrors();
        var validation = SafetyPlanRules.Validate(input.WarningSigns, input.CopingSteps, input.Distractions, input.People, input.Professionals, input.SafeEnvironment, input.ReasonsForLiving);
        foreach (var (field, message) in validation.Errors)
        {
            errors.Add(field, message);
        }

        var row = await db.Set<SafetyPlanRow>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (input.Version is { } version && version != (row?.Version ?? 0))
        {
            errors.Add(string.Empty, Messages.StaleForm);
        }

        if (errors.Any)
        {
            return Outcome<SafetyPlanView>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var content = validation.Value!;
        var cipherText = await EncryptAsync(userId, content, cancellationToken);
        if (row is null)
        {
            row = new SafetyPlanRow { UserId = userId, PlanCipher = cipherText, CreatedAt = now, UpdatedAt = now, Version = 1 };
            db.Add(row);
        }
        else
        {
            if (input.Version is { } formVersion)
            {
                db.Entry(row).Property(p => p.Version).OriginalValue = formVersion;
            }

            row.PlanCipher = cipherText;
            row.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved first on another tab or device (a newer version, or a plan created a moment ago).
            db.ChangeTracker.Clear();
            return Outcome<SafetyPlanView>.Invalid(FieldErrors.Stale());
        }

        return Outcome<SafetyPlanView>.Ok(SafetyPlanView.From(content, row.Version, row.UpdatedAt));
    }

    /// <summary>Adds an imported plan to a fresh account (the export section calls this inside the import's transaction).</summary>
    public async Task RestoreAsync(Guid userId, SafetyPlanContent content, DateTime createdAt, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        db.Add(new SafetyPlanRow { UserId = userId, PlanCipher = await EncryptAsync(userId, content, cancellationToken), CreatedAt = createdAt, UpdatedAt = updatedAt, Version = 1 });

    /// <summary>The plan's dates, for the export; null before there is a plan.</summary>
    public async Task<(DateTime CreatedAt, DateTime UpdatedAt)?> DatesAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Set<SafetyPlanRow>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.CreatedAt, p.UpdatedAt }).SingleOrDefaultAsync(cancellationToken) is { } d ? (d.CreatedAt, d.UpdatedAt) : null;

    private async Task<string> EncryptAsync(Guid userId, SafetyPlanContent content, CancellationToken cancellationToken) =>
        (await cipher.EncryptAsync(userId, PlanField, JsonSerializer.Serialize(Stored.From(content), Json), cancellationToken))!;

    private async Task<SafetyPlanContent> DecryptAsync(Guid userId, SafetyPlanRow row, CancellationToken cancellationToken)
    {
        var json = await cipher.DecryptAsync(userId, PlanField, row.PlanCipher, cancellationToken);
        return (json is null ? null : JsonSerializer.Deserialize<Stored>(json, Json))?.ToContent() ?? SafetyPlanContent.Empty;
    }

    /// <summary>The encrypted JSON's shape. A section missing from an older value reads as empty.</summary>
    private sealed record Stored(
        List<string>? WarningSigns, List<string>? CopingSteps, List<string>? Distractions, List<string>? People,
        List<string>? Professionals, List<string>? SafeEnvironment, List<string>? ReasonsForLiving)
    {
        public static Stored From(SafetyPlanContent c) =>
            new([.. c.WarningSigns], [.. c.CopingSteps], [.. c.Distractions], [.. c.People], [.. c.Professionals], [.. c.SafeEnvironment], [.. c.ReasonsForLiving]);

        public SafetyPlanContent ToContent() =>
            new(WarningSigns ?? [], CopingSteps ?? [], Distractions ?? [], People ?? [], Professionals ?? [], SafeEnvironment ?? [], ReasonsForLiving ?? []);
    }
}
