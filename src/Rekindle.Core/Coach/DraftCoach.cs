namespace Rekindle.Core.Coach;

/// <summary>
/// The message coach: reads a draft for the stage it is meant for and says whether it fits, what to change and
/// why. Deterministic, no I/O, safe on any string.
/// </summary>
public static partial class DraftCoach
{
    /// <summary>The longest draft the coach reads: far beyond any message, short enough to answer instantly.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Categories that are fine, or only worth a note, at a stage.</summary>
    internal static Severity? SeverityAt(FindingCategory category, CoachStage stage) => (category, stage) switch
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
        (FindingCategory.LateNight, CoachStage.Together) => Severity.Note,
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
    public static DraftReport Analyze(string draft, CoachStage stage, Safety.CrisisReading crisisReading) => Analyze(draft, stage, crisisReading, null);

    /// <summary>
    /// Coaches a draft with the learned layer's reading too (<see cref="CoachReader"/>): each sentence it flags becomes a
    /// finding over that sentence, beside the patterns' findings (a category the patterns already found there is not repeated).
    /// </summary>
    public static DraftReport Analyze(string draft, CoachStage stage, Safety.CrisisReading crisisReading, IReadOnlyList<SemanticHit>? semantic)
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

        // The learned layer: the sentences whose meaning carries a category the patterns did not see there.
        foreach (var hit in semantic ?? [])
        {
            if (hit.Start < 0 || hit.Start + hit.Length > draft.Length || SeverityAt(hit.Category, stage) is not { } severity
                || findings.Any(f => f.Severity == Severity.Stop && hit.Start < f.Start + f.Length && f.Start < hit.Start + hit.Length)
                || (hit.Category == FindingCategory.Begging && IsPracticalRequest(draft.Substring(hit.Start, hit.Length))))
            {
                continue;
            }

            if (!Overlaps(findings, hit.Category, hit.Start, hit.Length))
            {
                findings.Add(new DraftFinding(hit.Category, severity, hit.Start, hit.Length, CoachWords.Explain(hit.Category, stage), ByModel: true));
            }
        }

        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Category.CompareTo(b.Category));
        var crisis = findings.Any(f => f.Severity == Severity.Stop);
        if (!crisis)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                findings[i] = findings[i] with { Hint = CoachHints.For(findings[i].Category, stage, draft.Substring(findings[i].Start, findings[i].Length)) };
            }
        }

        var verdict = VerdictFor(stage, findings.Select(f => (f.Category, f.Severity)));
        var problems = MainProblems(findings);
        return new DraftReport(stage, verdict, findings, crisis ? [] : CoachHints.Suggestions(stage, findings, problems), crisis, Summary(verdict, stage, crisis, problems));
    }

    /// <summary>
    /// "Please leave them on the porch.": a polite practical request is not pleading. The learned layer hears "please" as
    /// begging; a boundary message needs its courtesy.
    /// </summary>
    internal static bool IsPracticalRequest(string sentence) =>
        PracticalRequest().IsMatch(sentence) && PracticalVerb().IsMatch(sentence) && !Pleading().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:leave|drop|bring|send|return|collect|pick up|post|forward|pass|put|sign|confirm|let me know (?:when|what time|if|which)|email|transfer|move|give (?:them|it|the \w+) (?:to|back))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PracticalVerb();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:please|pls|plz)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PracticalRequest();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:answer|reply|respond|talk|back|chance|miss|need|beg|begging|love|sorry|forgive|call me|text me|see me|meet|ignore|listen|give (?:me|us)|one more|think about|us)\b|[?!]", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pleading();

    /// <summary>From this many different categories of warning on, a draft needs a fresh start, not an edit: the verdict is wait.</summary>
    public const int WarningsForWait = 3;

    /// <summary>
    /// The verdict from the findings' severity and count: any stop, or no contact, is wait; warnings in
    /// <see cref="WarningsForWait"/> or more categories are wait too (several problems are never "close"); one or two
    /// are revise; notes alone are send.
    /// </summary>
    public static Verdict VerdictFor(CoachStage stage, IEnumerable<(FindingCategory Category, Severity Severity)> findings)
    {
        var list = findings.ToList();
        if (list.Any(f => f.Severity == Severity.Stop) || stage == CoachStage.NoContact)
        {
            return Verdict.Wait;
        }

        var warnings = list.Where(f => f.Severity == Severity.Warning).Select(f => f.Category).Distinct().Count();
        return warnings >= WarningsForWait ? Verdict.Wait : warnings > 0 ? Verdict.Revise : Verdict.Send;
    }

    /// <summary>The verdict a labelled draft should get: its categories at the stage's severities.</summary>
    public static Verdict VerdictFor(CoachStage stage, IEnumerable<FindingCategory> categories) =>
        VerdictFor(stage, categories.Select(c => (Category: c, Severity: SeverityAt(c, stage))).Where(p => p.Severity is not null).Select(p => (p.Category, p.Severity!.Value)));

    /// <summary>The stage's severity for a category, or null when it is fine there.</summary>
    public static Severity? SeverityFor(FindingCategory category, CoachStage stage) => SeverityAt(category, stage);

    /// <summary>What most needs changing, most serious first: severity, then how much the category hurts the message.</summary>
    internal static IReadOnlyList<FindingCategory> MainProblems(IEnumerable<DraftFinding> findings) =>
        [.. findings.Where(f => f.Severity != Severity.Note)
            .GroupBy(f => f.Category)
            .OrderByDescending(g => g.Max(f => f.Severity))
            .ThenBy(g => CoachHints.Weight(g.Key))
            .ThenBy(g => g.Min(f => f.Start))
            .Select(g => g.Key)];

    private static string Summary(Verdict verdict, CoachStage stage, bool crisis, IReadOnlyList<FindingCategory> problems)
    {
        if (crisis)
        {
            return "Please don't send this. Your safety comes first: reach out to a crisis line or someone you trust now.";
        }

        if (stage == CoachStage.NoContact)
        {
            return problems.Count == 0
                ? "Don't send this now. You're in no contact; the kindest thing for both of you is to keep it here."
                : $"Don't send this now. You're in no contact, and it carries {CoachHints.Problem(problems[0])}; keep it here as an unsent letter.";
        }

        var main = problems.Count > 0 ? CoachHints.Problem(problems[0]) : "";
        var others = string.Join(", ", problems.Skip(1).Select(CoachHints.Problem));
        return (verdict, stage, problems.Count) switch
        {
            (Verdict.Wait, CoachStage.Boundary, _) =>
                $"Don't send this one. The main problem is {main}, with {others} on top: it reopens far more than the practical point. Start again from the arrangement alone.",
            (Verdict.Wait, _, _) =>
                $"Don't send this one as it is. The main problem is {main}, and {others} pull the same way; it needs a fresh start rather than an edit.",
            (Verdict.Revise, CoachStage.Boundary, _) =>
                $"Not yet: {main} first. Take out the highlighted parts so only the practical point is left, then read it again.",
            (Verdict.Revise, _, >= 2) =>
                $"Not yet. The main problem is {main}; {others} too. Change the highlighted parts and read it again.",
            (Verdict.Revise, _, _) =>
                $"Close, but not yet: {main}. Change the highlighted part and read it again.",
            (_, CoachStage.Boundary, _) => "Brief, factual and firm. Send it once; you don't owe a reply to anything beyond the practical point.",
            _ => "This fits where you are. If you still want to send it, send it once and let it stand.",
        };
    }

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
