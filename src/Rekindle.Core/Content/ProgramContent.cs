using Rekindle.Core.Journey;

namespace Rekindle.Core.Content;

/// <summary>A choice in an assessment: a stable id saved with answers, the words shown, and an optional flag.</summary>
/// <param name="Flag">For inventory causes and red flags: this one is serious (abuse, unchanged cheating).</param>
public sealed record Choice(string Id, string Label, string? Hint = null, bool Flag = false);

public sealed record PhaseContent(Phase Phase, string Title, string Summary, IReadOnlyList<string> Guidance, IReadOnlyList<string> Donts, IReadOnlyList<string> Guides);

public sealed record GuideContent(string Id, string Title, IReadOnlyList<string> Paragraphs);

public sealed record StageContent(string Id, string Title, string Guidance, string Donts);

/// <summary>One day of the daily plan: a short lesson, one small action, one journal prompt.</summary>
public sealed record DayContent(int Day, Phase Phase, string Topic, string Title, string Action, string Prompt, IReadOnlyList<string> Lesson);

public sealed record InventoryContent(IReadOnlyList<Choice> Causes, IReadOnlyList<Choice> Prompts);

public sealed record DecideContent(
    IReadOnlyList<Choice> ReasonsFor, IReadOnlyList<Choice> ReasonsAgainst, IReadOnlyList<Choice> Questions,
    IReadOnlyList<Choice> RedFlags, IReadOnlyList<Choice> GreenLights, IReadOnlyList<Choice> RealityCheck);

public sealed record PlanContent(string Intro, IReadOnlyList<Choice> Steps);

/// <summary>Everything the program says, loaded from content/ and checked at start-up.</summary>
public sealed record ProgramContent(
    IReadOnlyDictionary<Phase, PhaseContent> Phases,
    IReadOnlyList<DayContent> Days,
    InventoryContent Inventory,
    DecideContent Decide,
    IReadOnlyList<Choice> Signs,
    string SignsResearch,
    IReadOnlyList<Choice> Readiness,
    IReadOnlyList<StageContent> Stages,
    IReadOnlyList<string> Gestures,
    IReadOnlyList<Choice> RebuildCheckIn,
    PlanContent Accept,
    PlanContent Heal,
    IReadOnlyDictionary<string, GuideContent> Guides,
    PageStrings Strings)
{
    /// <summary>The plan for program day <paramref name="day"/> (1-based). Past the last day the focus days repeat, so no day is ever empty.</summary>
    public DayContent Day(int day)
    {
        if (day <= Days.Count)
        {
            return Days[Math.Max(day, 1) - 1];
        }

        var focus = Days.Where(d => d.Phase == Phase.Focus).ToList();
        var pool = focus.Count > 0 ? focus : Days;
        return pool[(day - Days.Count - 1) % pool.Count];
    }
}
