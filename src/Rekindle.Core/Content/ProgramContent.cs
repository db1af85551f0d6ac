using Rekindle.Core.Journey;

namespace Rekindle.Core.Content;

/// <summary>A choice in an assessment: a stable id saved with answers, the words shown, and an optional flag.</summary>
/// <param name="Flag">For inventory causes and red flags: this one is serious (abuse, unchanged cheating).</param>
public sealed record Choice(string Id, string Label, string? Hint = null, bool Flag = false);

public sealed record PhaseContent(Phase Phase, string Title, string Summary, IReadOnlyList<string> Guidance, IReadOnlyList<string> Donts, IReadOnlyList<string> Guides);

/// <summary>A guide for a hard moment.</summary>
/// <param name="Track">The track whose pages list it. Healing guides can be opened by anyone; reconciliation guides are not shown on the healing track.</param>
/// <param name="InsteadOf">For a healing guide: the reconciliation guides it stands in for on the healing track.</param>
public sealed record GuideContent(string Id, string Title, IReadOnlyList<string> Paragraphs, Track Track, IReadOnlyList<string> InsteadOf);

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
    PageStrings Strings,
    IReadOnlyList<DayContent> HealingDays,
    IReadOnlyDictionary<Phase, PhaseContent> HealingPhases)
{
    /// <summary>The first key part of a page string that the healing track words differently (healing-track.no-contact.start-lede).</summary>
    public const string HealingStringsPrefix = "healing-track.";

    private PageStrings? healingStrings;

    /// <summary>The daily plan of a track: the healing track has a plan of its own, never the reconciliation plan with parts hidden.</summary>
    public IReadOnlyList<DayContent> DaysFor(Track track) => track == Track.Healing ? HealingDays : Days;

    /// <summary>
    /// The plan for program day <paramref name="day"/> (1-based) on <paramref name="track"/>. Past the last day of the
    /// reconciliation plan its focus days repeat; past the last healing day the healing plan starts over. No day is ever empty.
    /// </summary>
    public DayContent Day(Track track, int day)
    {
        var days = DaysFor(track);
        if (day <= days.Count)
        {
            return days[Math.Max(day, 1) - 1];
        }

        List<DayContent> focus = track == Track.Healing ? [] : days.Where(d => d.Phase == Phase.Focus).ToList();
        var pool = focus.Count > 0 ? focus : days;
        return pool[(day - days.Count - 1) % pool.Count];
    }

    /// <summary>A phase's words on a track: the healing track reads a phase's healing version where it has one (no contact as protection).</summary>
    public PhaseContent PhaseFor(Track track, Phase phase) =>
        track == Track.Healing && HealingPhases.TryGetValue(phase, out var healing) ? healing : Phases[phase];

    /// <summary>The guides a phase page lists: on the healing track, the healing guides on every page.</summary>
    public IReadOnlyList<GuideContent> GuidesFor(Track track, Phase phase) =>
        (track == Track.Healing ? Phases[Phase.Heal].Guides : Phases[phase].Guides).Select(id => Guides[id]).ToList();

    /// <summary>
    /// The guide to show for <paramref name="id"/> on a track, or null when there is none. On the healing track a
    /// reconciliation guide gives way to the healing guide that stands in for it, or to nothing.
    /// </summary>
    public GuideContent? GuideFor(Track track, string id)
    {
        if (!Guides.TryGetValue(id, out var guide))
        {
            return null;
        }

        if (track == Track.Reconciliation || guide.Track == Track.Healing)
        {
            return guide;
        }

        return Guides.Values.FirstOrDefault(g => g.Track == Track.Healing && g.InsteadOf.Contains(id, StringComparer.Ordinal));
    }

    /// <summary>The page strings of a track: on the healing track, every healing-track.* string replaces the string it names.</summary>
    public PageStrings StringsFor(Track track) =>
        track == Track.Healing ? healingStrings ??= Strings.Overlay(HealingStringsPrefix) : Strings;

    /// <summary>The reconciliation plan's day <paramref name="day"/>; see <see cref="Day(Track, int)"/>.</summary>
    public DayContent Day(int day) => Day(Track.Reconciliation, day);
}
