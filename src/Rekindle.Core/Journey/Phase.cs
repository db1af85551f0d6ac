namespace Rekindle.Core.Journey;

/// <summary>The program's phases, in the order PROGRAM.md gives them.</summary>
public enum Phase
{
    Situation,
    Stabilize,
    NoContact,
    Focus,
    Reflect,
    Decide,
    ReachOut,
    Reconnect,
    Talk,
    Rebuild,
    Accept,
    Heal,
}

public static class Phases
{
    private static readonly Dictionary<Phase, string> Ids = new()
    {
        [Phase.Situation] = "situation",
        [Phase.Stabilize] = "stabilize",
        [Phase.NoContact] = "no-contact",
        [Phase.Focus] = "focus",
        [Phase.Reflect] = "reflect",
        [Phase.Decide] = "decide",
        [Phase.ReachOut] = "reach-out",
        [Phase.Reconnect] = "reconnect",
        [Phase.Talk] = "talk",
        [Phase.Rebuild] = "rebuild",
        [Phase.Accept] = "accept",
        [Phase.Heal] = "heal",
    };

    private static readonly Dictionary<string, Phase> ById =
        Ids.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyList<Phase> All { get; } = Enum.GetValues<Phase>();

    /// <summary>The stable id used in content files, URLs and the API.</summary>
    public static string Id(this Phase phase) => Ids[phase];

    public static bool TryParse(string? id, out Phase phase) => ById.TryGetValue(id ?? string.Empty, out phase);

    /// <summary>Phases that coach getting back together; the safety pivot turns these off.</summary>
    public static bool IsReconciliation(this Phase phase) =>
        phase is Phase.ReachOut or Phase.Reconnect or Phase.Talk or Phase.Rebuild;
}
