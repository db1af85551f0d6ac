namespace Rekindle.Core.Safety;

/// <summary>How worried the reader is. Concern is hopelessness without intent or plan: a gentle line, not an alarm.</summary>
public enum CrisisLevel
{
    None,
    Concern,
    Crisis,
}

/// <summary>Who is in danger, and from whom.</summary>
public enum CrisisKind
{
    /// <summary>The writer may hurt or kill themselves.</summary>
    SelfHarm,

    /// <summary>The writer threatens or means to hurt someone else.</summary>
    HarmToOthers,

    /// <summary>Someone (usually the ex) threatens the user or makes them unsafe.</summary>
    Threatened,

    /// <summary>The ex threatens to end or hurt their own life.</summary>
    ExSelfHarm,
}

/// <summary>Whose words the text is: the user's own (journal, notes, drafts), or a message the ex sent them.</summary>
public enum Voice
{
    Own,
    Ex,
}

/// <summary>What the reader found: a level, a kind (null when nothing was found) and the sentence that triggered it.</summary>
/// <param name="Start">Where the triggering sentence starts in the text as given (UTF-16 code units).</param>
/// <param name="Length">Its length; 0 when nothing was found.</param>
/// <param name="Sentence">The triggering sentence as the person wrote it.</param>
/// <param name="ByRule">True when an unmistakable phrasing decided it, false when the learned layer did.</param>
public sealed record CrisisReading(CrisisLevel Level, CrisisKind? Kind, int Start, int Length, string? Sentence, bool ByRule)
{
    public static CrisisReading None { get; } = new(CrisisLevel.None, null, 0, 0, null, false);

    public bool IsCrisis => Level == CrisisLevel.Crisis;

    public bool IsConcern => Level == CrisisLevel.Concern;
}

public static class CrisisIds
{
    public static string Id(this CrisisLevel level) => level switch
    {
        CrisisLevel.Concern => "concern",
        CrisisLevel.Crisis => "crisis",
        _ => "none",
    };

    public static string Id(this CrisisKind kind) => kind switch
    {
        CrisisKind.SelfHarm => "self-harm",
        CrisisKind.HarmToOthers => "harm-to-others",
        CrisisKind.Threatened => "threatened",
        CrisisKind.ExSelfHarm => "ex-self-harm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseLevel(string? id, out CrisisLevel level)
    {
        level = id switch { "none" => CrisisLevel.None, "concern" => CrisisLevel.Concern, "crisis" => CrisisLevel.Crisis, _ => (CrisisLevel)(-1) };
        return (int)level >= 0;
    }

    public static bool TryParseKind(string? id, out CrisisKind kind)
    {
        kind = id switch
        {
            "self-harm" => CrisisKind.SelfHarm,
            "harm-to-others" => CrisisKind.HarmToOthers,
            "threatened" => CrisisKind.Threatened,
            "ex-self-harm" => CrisisKind.ExSelfHarm,
            _ => (CrisisKind)(-1),
        };
        return (int)kind >= 0;
    }
}

/// <summary>Turns text into sentence embeddings. Implemented outside Core (Rekindle.Language) so Core stays free of native code.</summary>
public interface ISentenceEmbedder
{
    int Dimensions { get; }

    /// <summary>One vector per text, in order. Thread-safe.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
