using Rekindle.Core.Coach;
using Rekindle.Core.Safety;

namespace Rekindle.Core.Tests.Coach;

/// <summary>Verdicts from severity and count, summaries that name the main problem, hints per finding, and the learned layer's hits becoming findings.</summary>
public sealed class SemanticCoachTests
{
    private static SemanticHit Hit(string draft, string sentence, FindingCategory category) =>
        new(category, draft.IndexOf(sentence, StringComparison.Ordinal), sentence.Length, 0.9f);

    [Fact]
    public void Several_warnings_are_never_close()
    {
        const string draft = "Did you get my last 6 messages? Does he make you laugh like I did? I just need you.";
        var report = DraftCoach.Analyze(draft, CoachStage.Reconnecting, CrisisReading.None,
        [
            Hit(draft, "Did you get my last 6 messages?", FindingCategory.Pressure),
            Hit(draft, "Does he make you laugh like I did?", FindingCategory.Jealousy),
            Hit(draft, "I just need you.", FindingCategory.Declaration),
        ]);
        Assert.Equal(Verdict.Wait, report.Verdict);
        Assert.DoesNotContain("Close", report.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Don't send this one", report.Summary, StringComparison.Ordinal);
        Assert.Contains("The main problem is chasing a reply", report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, Verdict.Send)]
    [InlineData(1, Verdict.Revise)]
    [InlineData(2, Verdict.Revise)]
    [InlineData(3, Verdict.Wait)]
    [InlineData(5, Verdict.Wait)]
    public void The_count_of_warning_categories_decides_between_send_revise_and_wait(int warnings, Verdict expected)
    {
        var categories = new[] { FindingCategory.Pressure, FindingCategory.Begging, FindingCategory.Guilt, FindingCategory.Blame, FindingCategory.Jealousy };
        Assert.Equal(expected, DraftCoach.VerdictFor(CoachStage.FirstContact, categories.Take(warnings).Select(c => (c, Severity.Warning)).Append((FindingCategory.WellbeingQuestion, Severity.Note))));
        Assert.Equal(Verdict.Wait, DraftCoach.VerdictFor(CoachStage.FirstContact, [(FindingCategory.SelfHarm, Severity.Stop)]));
        Assert.Equal(Verdict.Wait, DraftCoach.VerdictFor(CoachStage.NoContact, Array.Empty<(FindingCategory, Severity)>()));
    }

    [Fact]
    public void Two_warnings_of_one_category_are_one_problem()
    {
        Assert.Equal(Verdict.Revise, DraftCoach.VerdictFor(CoachStage.Reconnecting, [(FindingCategory.Pressure, Severity.Warning), (FindingCategory.Pressure, Severity.Warning), (FindingCategory.Pressure, Severity.Warning)]));
    }

    [Fact]
    public void The_summary_names_the_heaviest_problem_first_whatever_the_order_in_the_draft()
    {
        var report = DraftCoach.Analyze("I miss you. Answer me.", CoachStage.FirstContact);
        Assert.Equal(Verdict.Revise, report.Verdict);
        Assert.StartsWith("Not yet. The main problem is chasing a reply; declaring your feelings too.", report.Summary, StringComparison.Ordinal);
        Assert.Equal(report.Findings.Single(f => f.Category == FindingCategory.Pressure).Hint, report.Suggestions[0]);

        var one = DraftCoach.Analyze("Saw the bakery reopened. I miss you.", CoachStage.FirstContact);
        Assert.StartsWith("Close, but not yet: declaring your feelings.", one.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hit_of_the_learned_layer_is_a_finding_over_its_sentence_with_an_explanation_and_a_hint()
    {
        const string draft = "Hope the new job is going well. Does he make you laugh like I did?";
        var report = DraftCoach.Analyze(draft, CoachStage.FirstContact, CrisisReading.None, [Hit(draft, "Does he make you laugh like I did?", FindingCategory.Jealousy)]);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCategory.Jealousy, finding.Category);
        Assert.True(finding.ByModel);
        Assert.Equal("Does he make you laugh like I did?", draft.Substring(finding.Start, finding.Length));
        Assert.Contains("love life", finding.Explanation, StringComparison.Ordinal);
        Assert.NotEmpty(finding.Hint);
        Assert.Equal(Verdict.Revise, report.Verdict);
    }

    [Fact]
    public void A_hit_is_dropped_where_its_category_is_fine_and_not_repeated_where_a_pattern_found_it()
    {
        const string talk = "I'd like us to talk honestly about whether we want to try again.";
        Assert.Empty(DraftCoach.Analyze(talk, CoachStage.TheTalk, CrisisReading.None, [Hit(talk, talk, FindingCategory.RelationshipTalk)]).Findings);

        const string pressure = "hello??? answer me";
        var report = DraftCoach.Analyze(pressure, CoachStage.Reconnecting, CrisisReading.None, [Hit(pressure, pressure, FindingCategory.Pressure)]);
        Assert.All(report.Findings.Where(f => f.Category == FindingCategory.Pressure), f => Assert.False(f.ByModel));
    }

    [Fact]
    public void Crisis_findings_still_come_from_the_crisis_reader_and_stop_everything()
    {
        const string draft = "honestly I just want to die. Does he make you laugh like I did?";
        var report = DraftCoach.Analyze(draft, CoachStage.Reconnecting, CrisisReader.RulesOnly.Read(draft), [Hit(draft, "Does he make you laugh like I did?", FindingCategory.Jealousy)]);
        Assert.Equal(Verdict.Wait, report.Verdict);
        Assert.True(report.ShowCrisisResources);
        Assert.Empty(report.Suggestions);
        Assert.Contains(report.Findings, f => f.Category == FindingCategory.SelfHarm && f.Severity == Severity.Stop);
    }

    [Fact]
    public void Hints_vary_with_the_words_and_follow_the_stage()
    {
        var drafts = new[] { "Answer me.", "answer me!!", "Why won't you answer me", "Are you ignoring me?", "stop ignoring me", "I'm done waiting" };
        var hints = drafts.Select(d => DraftCoach.Analyze(d, CoachStage.Reconnecting).Findings.First(f => f.Category == FindingCategory.Pressure).Hint).Distinct().ToList();
        Assert.True(hints.Count >= 2, string.Join(" | ", hints));

        var early = DraftCoach.Analyze("I've changed, I promise I'll be better.", CoachStage.Reconnecting).Findings.First(f => f.Category == FindingCategory.Promise).Hint;
        var talk = DraftCoach.Analyze("I've changed, I promise I'll be better.", CoachStage.TheTalk).Findings.First(f => f.Category == FindingCategory.Promise).Hint;
        Assert.NotEqual(early, talk);
        Assert.Contains(DraftCoach.Analyze("I miss you so much", CoachStage.NoContact).Suggestions, s => s.Contains("unsent letter", StringComparison.Ordinal));
    }

    [Fact]
    public void Late_night_bids_are_found_by_the_patterns_too()
    {
        var report = DraftCoach.Analyze("u up?", CoachStage.Reconnecting);
        Assert.Contains(report.Findings, f => f.Category == FindingCategory.LateNight && f.Severity == Severity.Warning);
        Assert.Empty(DraftCoach.Analyze("I'm up early tomorrow for the flight.", CoachStage.Reconnecting).Findings);
    }

    [Fact]
    public void Sentences_point_at_what_was_typed()
    {
        const string draft = "  Hey!! u up?\nmiss u... ok bye ";
        var pieces = CoachReader.Sentences(draft).Select(s => draft.Substring(s.Start, s.Length)).ToList();
        Assert.Equal(["Hey!!", "u up?", "miss u...", "ok bye"], pieces);
        Assert.Empty(CoachReader.Sentences("... !!"));
    }
}
