namespace Rekindle.Core.Coach;

/// <summary>
/// The message coach: reads a draft for the stage it is meant for and says whether it fits, what to change and
/// why. Deterministic, no I/O, safe on any string.
/// </summary>
public static class DraftCoach
{
    /// <summary>The longest draft the coach reads: far beyond any message, short enough to answer instantly.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Categories that are fine, or only worth a note, at a stage.</summary>
    private static Severity? SeverityAt(FindingCategory category, CoachStage stage) => (category, stage) switch
    {
        (FindingCategory.SelfHarm or FindingCategory.Threat, _) => Severity.Stop,
        // A boundary message is about one practical matter; anything that reopens the relationship is flagged.
        (_, CoachStage.Boundary) when BoundaryOnly(category) => Severity.Warning,
        (_, _) when BoundaryOnly(category) => null,
        // A calm deadline about a practical matter is part of a firm message; chasing shows up as emotional bait.
        (FindingCategory.Pressure, CoachStage.Boundary) => Severity.Note,
        (FindingCategory.WellbeingQuestion, CoachStage.Boundary) => Severity.Warning,
        (FindingCategory.WellbeingQuestion, CoachStage.FirstContact) => Severity.Note,
        (FindingCategory.WellbeingQuestion, _) => null,
        (FindingCategory.RelationshipTalk, CoachStage.TheTalk or CoachStage.Together) => null,
        (FindingCategory.Declaration, CoachStage.Together) => null,
        (FindingCategory.Declaration, CoachStage.TheTalk) => Severity.Note,
        (FindingCategory.Length, CoachStage.TheTalk or CoachStage.Together) => Severity.Note,
        _ => Severity.Warning,
    };

    private static bool BoundaryOnly(FindingCategory category) => category >= FindingCategory.Feelings;

    /// <summary>Findings that are about a whole sentence (a justification), not a phrase: their span is the sentence.</summary>
    private static bool SpansSentence(FindingCategory category) => category == FindingCategory.OverExplaining;

    /// <summary>Words beyond which a draft is long for the stage.</summary>
    public static int WordLimit(CoachStage stage) => stage switch
    {
        CoachStage.Boundary => 60,
        CoachStage.FirstContact => 50,
        CoachStage.LimitedContact => 80,
        CoachStage.Inviting => 60,
        CoachStage.Reconnecting => 100,
        CoachStage.TheTalk => 250,
        CoachStage.Together => 300,
        _ => 120,
    };

    /// <summary>A clear reason the draft can't be read, or null when it can.</summary>
    public static string? Problem(string? draft) =>
        string.IsNullOrWhiteSpace(draft) ? "Write the message first; the coach reads it as it is."
        : draft.Length > MaxLength ? $"A message draft can be up to {MaxLength:N0} characters; this one has {draft.Length:N0}."
        : null;

    /// <summary>Coaches a draft with the crisis reader's rules alone (tests and tools without the embedding model).</summary>
    public static DraftReport Analyze(string draft, CoachStage stage) =>
        Analyze(draft, stage, Safety.CrisisReader.RulesOnly.Read(draft is { Length: > MaxLength } ? draft[..MaxLength] : draft));

    /// <summary>
    /// Coaches a draft. Danger is the crisis reader's to find (one reader for every feature): its reading of the
    /// draft becomes a finding that stops everything else.
    /// </summary>
    public static DraftReport Analyze(string draft, CoachStage stage, Safety.CrisisReading crisisReading)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(crisisReading);
        if (draft.Length > MaxLength)
        {
            draft = draft[..MaxLength];
        }

        var text = NormalizedText.From(draft);
        var findings = new List<DraftFinding>();
        if (crisisReading.IsCrisis && crisisReading.Start + crisisReading.Length <= draft.Length)
        {
            var category = crisisReading.Kind is Safety.CrisisKind.SelfHarm or Safety.CrisisKind.ExSelfHarm ? FindingCategory.SelfHarm : FindingCategory.Threat;
            findings.Add(new DraftFinding(category, Severity.Stop, crisisReading.Start, crisisReading.Length, CoachWords.Explain(category, stage)));
        }

        foreach (var (category, pattern, negatable) in CoachPatterns.All)
        {
            if (SeverityAt(category, stage) is not { } severity)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in pattern.Matches(text.Text))
            {
                if (match.Length == 0 || (negatable && CoachPatterns.IsNegated(text.Text, match.Index)))
                {
                    continue;
                }

                var (start, length) = text.Original(match.Index, match.Length);
                if (SpansSentence(category))
                {
                    (start, length) = Sentence(draft, start);
                }

                if (!Overlaps(findings, category, start, length))
                {
                    findings.Add(new DraftFinding(category, severity, start, length, CoachWords.Explain(category, stage)));
                }
            }
        }

        // Reasons piled on reasons: two or more justifications make each sentence that gives one over-explaining.
        if (SeverityAt(FindingCategory.OverExplaining, stage) is { } explaining)
        {
            var reasons = CoachPatterns.Reasons.Matches(text.Text);
            if (reasons.Count >= 2)
            {
                foreach (System.Text.RegularExpressions.Match reason in reasons)
                {
                    var (start, length) = Sentence(draft, text.Original(reason.Index, reason.Length).Start);
                    if (!Overlaps(findings, FindingCategory.OverExplaining, start, length))
                    {
                        findings.Add(new DraftFinding(FindingCategory.OverExplaining, explaining, start, length, CoachWords.Explain(FindingCategory.OverExplaining, stage)));
                    }
                }
            }
        }

        // Texting in capitals reads as shouting: pressure, when most of a longer draft is upper case.
        if (SeverityAt(FindingCategory.Pressure, stage) is { } shout && IsShouting(draft) && !findings.Any(f => f.Category == FindingCategory.Pressure))
        {
            findings.Add(new DraftFinding(FindingCategory.Pressure, shout, 0, draft.Length, CoachWords.Explain(FindingCategory.Pressure, stage)));
        }

        if (text.WordCount > WordLimit(stage) && SeverityAt(FindingCategory.Length, stage) is { } tooLong)
        {
            findings.Add(new DraftFinding(FindingCategory.Length, tooLong, 0, draft.Length, CoachWords.Explain(FindingCategory.Length, stage)));
        }

        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Category.CompareTo(b.Category));
        var crisis = findings.Any(f => f.Severity == Severity.Stop);
        var verdict = crisis || stage == CoachStage.NoContact ? Verdict.Wait
            : findings.Any(f => f.Severity == Severity.Warning) ? Verdict.Revise
            : Verdict.Send;
        return new DraftReport(stage, verdict, findings, crisis ? [] : CoachWords.Suggestions(stage, findings.Count > 0), crisis, Summary(verdict, stage, crisis));
    }

    private static string Summary(Verdict verdict, CoachStage stage, bool crisis) => (verdict, stage) switch
    {
        _ when crisis => "Please don't send this. Your safety comes first: reach out to a crisis line or someone you trust now.",
        (Verdict.Wait, _) => "Don't send this now. You're in no contact; the kindest thing for both of you is to keep it here.",
        (Verdict.Revise, CoachStage.Boundary) => "Not yet. Take out the highlighted parts so only the practical point is left, then read it again.",
        (Verdict.Revise, _) => "Close, but not yet. Change the highlighted parts and read it again.",
        (_, CoachStage.Boundary) => "Brief, factual and firm. Send it once; you don't owe a reply to anything beyond the practical point.",
        _ => "This fits where you are. If you still want to send it, send it once and let it stand.",
    };

    /// <summary>The sentence of the draft around <paramref name="at"/>: from after the previous . ! ? or line break to the next one (inclusive), spaces trimmed.</summary>
    internal static (int Start, int Length) Sentence(string draft, int at)
    {
        var start = Math.Clamp(at, 0, draft.Length);
        while (start > 0 && draft[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        var end = Math.Clamp(at, 0, draft.Length);
        while (end < draft.Length && draft[end] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        while (end < draft.Length && draft[end] is '.' or '!' or '?')
        {
            end++;
        }

        while (start < end && char.IsWhiteSpace(draft[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(draft[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static bool Overlaps(List<DraftFinding> findings, FindingCategory category, int start, int length) =>
        findings.Any(f => f.Category == category && start < f.Start + f.Length && f.Start < start + length);

    private static bool IsShouting(string draft)
    {
        int upper = 0, letters = 0;
        foreach (var c in draft)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        return letters >= 12 && upper * 10 >= letters * 8;
    }
}

public static class CoachStages
{
    /// <summary>
    /// The stage a draft is most likely for, from the user's program phase. On the healing track (the safety
    /// screen said yes) it is a boundary message: brief, practical, nothing about the relationship.
    /// </summary>
    public static CoachStage ForPhase(Journey.Phase phase, bool limitedContact, bool healingTrack = false) => phase switch
    {
        _ when healingTrack => CoachStage.Boundary,
        Journey.Phase.Heal => CoachStage.Boundary,
        Journey.Phase.ReachOut => CoachStage.FirstContact,
        Journey.Phase.Reconnect => CoachStage.Reconnecting,
        Journey.Phase.Talk => CoachStage.TheTalk,
        Journey.Phase.Rebuild => CoachStage.Together,
        _ => limitedContact ? CoachStage.LimitedContact : CoachStage.NoContact,
    };
}
