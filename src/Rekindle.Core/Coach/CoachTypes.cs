namespace Rekindle.Core.Coach;

/// <summary>What a draft is written for. Ids (kebab case) are used by the CLI, the API and the corpus.</summary>
public enum CoachStage { NoContact, LimitedContact, FirstContact, Reconnecting, Inviting, TheTalk, Together, Boundary }

/// <summary>send: fits the stage; revise: fixable problems; wait: don't send now.</summary>
public enum Verdict { Send, Revise, Wait }

public enum Severity { Note, Warning, Stop }

public enum FindingCategory
{
    Declaration,
    RelationshipTalk,
    Begging,
    Pity,
    Guilt,
    Jealousy,
    Blame,
    Pressure,
    Promise,
    Games,
    WellbeingQuestion,
    Length,
    SelfHarm,
    Threat,

    // A bid sent late at night or after a drink ("u up?"): reads as loneliness, not as an easy message.
    LateNight,

    // Read only for a boundary message (a brief, firm note about practical matters): everything that reopens the relationship.
    Feelings,
    Apology,
    Reminiscing,
    PersonalQuestion,
    Reconnection,
    OverExplaining,
    EmotionalBait,
}

/// <summary>One thing the coach noticed: what, how serious, where (UTF-16 offsets into the draft) and why it matters.</summary>
/// <param name="Hint">What to write instead, for this finding at this stage (empty for a crisis).</param>
/// <param name="ByModel">Found by the learned layer (the sentence's meaning) rather than by a pattern.</param>
public sealed record DraftFinding(FindingCategory Category, Severity Severity, int Start, int Length, string Explanation, string Hint = "", bool ByModel = false);

/// <summary>The coach's answer for one draft.</summary>
/// <param name="ShowCrisisResources">A self-harm or threat finding: the product shows crisis help instead of editing advice.</param>
public sealed record DraftReport(
    CoachStage Stage, Verdict Verdict, IReadOnlyList<DraftFinding> Findings, IReadOnlyList<string> Suggestions, bool ShowCrisisResources, string Summary);

public static class CoachIds
{
    private static readonly Dictionary<CoachStage, string> StageIds = new()
    {
        [CoachStage.NoContact] = "no-contact",
        [CoachStage.LimitedContact] = "limited-contact",
        [CoachStage.FirstContact] = "first-contact",
        [CoachStage.Reconnecting] = "reconnecting",
        [CoachStage.Inviting] = "inviting",
        [CoachStage.TheTalk] = "the-talk",
        [CoachStage.Together] = "together",
        [CoachStage.Boundary] = "boundary",
    };

    private static readonly Dictionary<FindingCategory, string> CategoryIds = new()
    {
        [FindingCategory.Declaration] = "declaration",
        [FindingCategory.RelationshipTalk] = "relationship-talk",
        [FindingCategory.Begging] = "begging",
        [FindingCategory.Pity] = "pity",
        [FindingCategory.Guilt] = "guilt",
        [FindingCategory.Jealousy] = "jealousy",
        [FindingCategory.Blame] = "blame",
        [FindingCategory.Pressure] = "pressure",
        [FindingCategory.Promise] = "promise",
        [FindingCategory.Games] = "games",
        [FindingCategory.WellbeingQuestion] = "wellbeing-question",
        [FindingCategory.Length] = "length",
        [FindingCategory.SelfHarm] = "self-harm",
        [FindingCategory.Threat] = "threat",
        [FindingCategory.LateNight] = "late-night",
        [FindingCategory.Feelings] = "feelings",
        [FindingCategory.Apology] = "apology",
        [FindingCategory.Reminiscing] = "reminiscing",
        [FindingCategory.PersonalQuestion] = "personal-question",
        [FindingCategory.Reconnection] = "reconnection",
        [FindingCategory.OverExplaining] = "over-explaining",
        [FindingCategory.EmotionalBait] = "emotional-bait",
    };

    private static readonly Dictionary<string, CoachStage> StagesById = StageIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly Dictionary<string, FindingCategory> CategoriesById = CategoryIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllStageIds => StageIds.Values;

    public static string Id(this CoachStage stage) => StageIds[stage];

    public static string Id(this FindingCategory category) => CategoryIds[category];

    public static string Id(this Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Id(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParseStage(string? id, out CoachStage stage) => StagesById.TryGetValue(id ?? "", out stage);

    public static bool TryParseCategory(string? id, out FindingCategory category) => CategoriesById.TryGetValue(id ?? "", out category);
}
