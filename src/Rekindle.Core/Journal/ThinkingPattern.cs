namespace Rekindle.Core.Journal;

/// <summary>
/// Thinking traps the reframe exercise names. Naming the pattern is the step that loosens a thought's grip:
/// "I'll never be happy again" reads differently once it is seen as fortune telling.
/// </summary>
public enum ThinkingPattern
{
    AllOrNothing,
    Catastrophizing,
    FortuneTelling,
    MindReading,
    SelfBlame,
    Overgeneralizing,
    Labeling,
    ShouldStatements,
    EmotionalReasoning,
    DiscountingTheGood,
}

public sealed record ThinkingPatternInfo(ThinkingPattern Pattern, string Id, string Name, string Description, string Example);

public static class ThinkingPatterns
{
    public static IReadOnlyList<ThinkingPatternInfo> All { get; } =
    [
        new(ThinkingPattern.AllOrNothing, "all-or-nothing", "All or nothing",
            "Seeing it as perfect or ruined, with nothing in between.", "\"The whole relationship was a lie.\""),
        new(ThinkingPattern.Catastrophizing, "catastrophizing", "Expecting the worst",
            "Jumping to the most painful outcome and treating it as certain.", "\"If I see them with someone else I'll fall apart for good.\""),
        new(ThinkingPattern.FortuneTelling, "fortune-telling", "Predicting the future",
            "Deciding how things will turn out before they have happened.", "\"I'll never feel this way about anyone again.\""),
        new(ThinkingPattern.MindReading, "mind-reading", "Mind reading",
            "Being sure you know what they think or feel, without them saying so.", "\"They're relieved I'm gone.\""),
        new(ThinkingPattern.SelfBlame, "self-blame", "Taking all the blame",
            "Treating yourself as the only cause of something two people shaped.", "\"It ended because of me, all of it.\""),
        new(ThinkingPattern.Overgeneralizing, "overgeneralizing", "Always and never",
            "Turning one painful event into a rule about your whole life.", "\"This always happens to me.\""),
        new(ThinkingPattern.Labeling, "labeling", "Name-calling yourself",
            "Summing yourself up with a harsh label instead of describing what happened.", "\"I'm unlovable.\""),
        new(ThinkingPattern.ShouldStatements, "should-statements", "Shoulds",
            "Holding yourself to rules about how you ought to feel or act by now.", "\"I should be over this already.\""),
        new(ThinkingPattern.EmotionalReasoning, "emotional-reasoning", "Feelings as facts",
            "Taking a strong feeling as proof that something is true.", "\"I feel worthless, so I must be.\""),
        new(ThinkingPattern.DiscountingTheGood, "discounting-the-good", "Discounting the good",
            "Brushing off what went well or what you did right as if it doesn't count.", "\"Getting through the week doesn't mean anything.\""),
    ];

    private static readonly Dictionary<ThinkingPattern, ThinkingPatternInfo> ByPattern = All.ToDictionary(p => p.Pattern);

    public static ThinkingPatternInfo Info(this ThinkingPattern pattern) => ByPattern[pattern];
}
