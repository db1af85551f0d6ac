using System.Globalization;

namespace Rekindle.Core.SafetyPlan;

/// <summary>
/// A personal safety plan in the Stanley-Brown shape: the steps a person works down, from noticing their own warning
/// signs to calling a professional, plus making their surroundings safer and their reasons for living.
/// </summary>
public sealed record SafetyPlanContent(
    IReadOnlyList<string> WarningSigns,
    IReadOnlyList<string> CopingSteps,
    IReadOnlyList<string> Distractions,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Professionals,
    IReadOnlyList<string> SafeEnvironment,
    IReadOnlyList<string> ReasonsForLiving)
{
    public static SafetyPlanContent Empty { get; } = new([], [], [], [], [], [], []);

    public bool IsEmpty => SafetyPlanRules.Sections.All(s => s.Read(this).Count == 0);
}

/// <summary>
/// One section of the plan: its field name (as the API and the form name it), a short id for the page, and its group
/// in strings.yaml (a title, a gentle explanation and an example under it).
/// </summary>
public sealed record SafetyPlanSection(string Field, string Key, string Strings, Func<SafetyPlanContent, IReadOnlyList<string>> Read);

/// <summary>The outcome of checking a plan: messages keyed by field, or the cleaned plan.</summary>
public sealed record SafetyPlanValidation(IReadOnlyDictionary<string, string> Errors, SafetyPlanContent? Value)
{
    public bool IsValid => Errors.Count == 0;
}

public static class SafetyPlanRules
{
    /// <summary>Items per section: enough for a real plan, short enough to read in a hard moment.</summary>
    public const int MaxItems = 20;

    /// <summary>Characters per item as a reader counts them (an emoji is one).</summary>
    public const int MaxItemLength = 200;

    /// <summary>A hard cap per item in UTF-16 code units, room for emoji sequences.</summary>
    public const int MaxItemStorageLength = 800;

    /// <summary>The sections in the order a person works through them.</summary>
    public static IReadOnlyList<SafetyPlanSection> Sections { get; } =
    [
        new(nameof(SafetyPlanContent.WarningSigns), "warning-signs", "safety-plan.sections.warning-signs", p => p.WarningSigns),
        new(nameof(SafetyPlanContent.CopingSteps), "coping-steps", "safety-plan.sections.coping-steps", p => p.CopingSteps),
        new(nameof(SafetyPlanContent.Distractions), "distractions", "safety-plan.sections.distractions", p => p.Distractions),
        new(nameof(SafetyPlanContent.People), "people", "safety-plan.sections.people", p => p.People),
        new(nameof(SafetyPlanContent.Professionals), "professionals", "safety-plan.sections.professionals", p => p.Professionals),
        new(nameof(SafetyPlanContent.SafeEnvironment), "safe-environment", "safety-plan.sections.safe-environment", p => p.SafeEnvironment),
        new(nameof(SafetyPlanContent.ReasonsForLiving), "reasons-for-living", "safety-plan.sections.reasons-for-living", p => p.ReasonsForLiving),
    ];

    public static class Messages
    {
        public static string TooMany(int count) =>
            string.Create(CultureInfo.InvariantCulture, $"Keep this list to {MaxItems} lines or fewer; it has {count} now.");

        public static string TooLong(int line) =>
            string.Create(CultureInfo.InvariantCulture, $"Line {line} is longer than {MaxItemLength} characters. A short line is easier to read in a hard moment.");

        public const string Characters = "One line has a character we can't save. Try typing it again.";
    }

    /// <summary>Splits a textarea into items: one per line, trimmed, blank lines left out.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Checks every section and returns all problems at once; items are trimmed and blank ones dropped.</summary>
    public static SafetyPlanValidation Validate(
        IReadOnlyList<string?>? warningSigns,
        IReadOnlyList<string?>? copingSteps,
        IReadOnlyList<string?>? distractions,
        IReadOnlyList<string?>? people,
        IReadOnlyList<string?>? professionals,
        IReadOnlyList<string?>? safeEnvironment,
        IReadOnlyList<string?>? reasonsForLiving)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string> Clean(string field, IReadOnlyList<string?>? items)
        {
            var cleaned = (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
            if (cleaned.Count > MaxItems)
            {
                errors[field] = Messages.TooMany(cleaned.Count);
                return cleaned;
            }

            for (var i = 0; i < cleaned.Count; i++)
            {
                var item = cleaned[i];
                if (item.Any(char.IsControl) || Utf16.HasUnpairedSurrogate(item))
                {
                    errors[field] = Messages.Characters;
                    break;
                }

                if (new StringInfo(item).LengthInTextElements > MaxItemLength || item.Length > MaxItemStorageLength)
                {
                    errors[field] = Messages.TooLong(i + 1);
                    break;
                }
            }

            return cleaned;
        }

        var content = new SafetyPlanContent(
            Clean(nameof(SafetyPlanContent.WarningSigns), warningSigns),
            Clean(nameof(SafetyPlanContent.CopingSteps), copingSteps),
            Clean(nameof(SafetyPlanContent.Distractions), distractions),
            Clean(nameof(SafetyPlanContent.People), people),
            Clean(nameof(SafetyPlanContent.Professionals), professionals),
            Clean(nameof(SafetyPlanContent.SafeEnvironment), safeEnvironment),
            Clean(nameof(SafetyPlanContent.ReasonsForLiving), reasonsForLiving));
        return new SafetyPlanValidation(errors, errors.Count == 0 ? content : null);
    }

    public static SafetyPlanValidation Validate(SafetyPlanContent plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Validate(plan.WarningSigns, plan.CopingSteps, plan.Distractions, plan.People, plan.Professionals, plan.SafeEnvironment, plan.ReasonsForLiving);
    }
}
