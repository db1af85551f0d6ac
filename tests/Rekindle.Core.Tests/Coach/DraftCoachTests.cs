using FsCheck;
using FsCheck.Xunit;
using Rekindle.Core.Coach;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Tests.Coach;

public sealed class DraftCoachTests
{
    private static IEnumerable<FindingCategory> Categories(string draft, CoachStage stage) =>
        DraftCoach.Analyze(draft, stage).Findings.Select(f => f.Category);

    [Fact]
    public void The_same_words_fit_the_talk_and_not_first_contact()
    {
        const string draft = "I'd like to talk about what a healthier us could look like.";
        var talk = DraftCoach.Analyze(draft, CoachStage.TheTalk);
        Assert.Equal(Verdict.Send, talk.Verdict);
        Assert.Empty(talk.Findings);

        var first = DraftCoach.Analyze(draft, CoachStage.FirstContact);
        Assert.Equal(Verdict.Revise, first.Verdict);
        var finding = Assert.Single(first.Findings);
        Assert.Equal(FindingCategory.RelationshipTalk, finding.Category);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("too soon", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Happy birthday, hope it's a good one.")]
    [InlineData("I miss you")]
    [InlineData("Can you return my jacket?")]
    public void In_no_contact_every_draft_waits(string draft)
    {
        var report = DraftCoach.Analyze(draft, CoachStage.NoContact);
        Assert.Equal(Verdict.Wait, report.Verdict);
        Assert.Contains(report.Suggestions, s => s.Contains("unsent letter", StringComparison.Ordinal));
    }

    [Fact]
    public void Limited_contact_allows_logistics_and_nothing_emotional()
    {
        Assert.Equal(Verdict.Send, DraftCoach.Analyze("Can you take Sam to football at 10 on Saturday?", CoachStage.LimitedContact).Verdict);
        var emotional = DraftCoach.Analyze("Can you take Sam to football at 10? I miss us.", CoachStage.LimitedContact);
        Assert.Equal(Verdict.Revise, emotional.Verdict);
        Assert.Contains("practical matters only", emotional.Findings[0].Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<CoachStage> Stages() => [.. Enum.GetValues<CoachStage>()];

    [Theory]
    [MemberData(nameof(Stages))]
    public void Self_harm_and_threats_stop_in_every_stage_and_bring_crisis_help(CoachStage stage)
    {
        foreach (var draft in new[] { "honestly I just want to die", "You'll regret this. I know where you live." })
        {
            var report = DraftCoach.Analyze(draft, stage);
            Assert.Equal(Verdict.Wait, report.Verdict);
            Assert.True(report.ShowCrisisResources);
            Assert.Empty(report.Suggestions);
            Assert.Contains(report.Findings, f => f.Severity == Severity.Stop);
        }
    }

    [Theory]
    [InlineData("I was dying laughing at that video")]
    [InlineData("This exam killed me")]
    [InlineData("I could kill for a coffee")]
    [InlineData("Dead tired after that shift")]
    [InlineData("I nearly killed myself laughing at the ending")]
    public void Idioms_are_not_alarms(string draft) =>
        Assert.DoesNotContain(Categories(draft, CoachStage.Reconnecting), c => c is FindingCategory.SelfHarm or FindingCategory.Threat);

    [Theory]
    [InlineData("I'm not asking you to come back, just saying congrats.")]
    [InlineData("No pressure to reply at all.")]
    [InlineData("Don't feel like you have to answer.")]
    public void Negation_cancels_the_pattern(string draft) =>
        Assert.Equal(Verdict.Send, DraftCoach.Analyze(draft, CoachStage.Reconnecting).Verdict);

    [Fact]
    public void Texting_style_is_read_like_the_full_words()
    {
        Assert.Contains(FindingCategory.Declaration, Categories("miss u sooo much", CoachStage.FirstContact));
        Assert.Contains(FindingCategory.Declaration, Categories("ily", CoachStage.FirstContact));
        Assert.Contains(FindingCategory.Begging, Categories("plz come back", CoachStage.FirstContact));
        Assert.Contains(FindingCategory.Pressure, Categories("WHY ARE YOU DOING THIS TO ME", CoachStage.FirstContact));
        Assert.Contains(FindingCategory.Pressure, Categories("hello??? answer me", CoachStage.Reconnecting));
        Assert.Contains(FindingCategory.Declaration, Categories("I’m still in love with you", CoachStage.FirstContact));
    }

    [Fact]
    public void Spans_point_at_what_was_typed_even_after_emoji_and_shorthand()
    {
        const string draft = "😢😢 hey... ur the one i want, pls come back";
        var report = DraftCoach.Analyze(draft, CoachStage.FirstContact);
        var declaration = report.Findings.Single(f => f.Category == FindingCategory.Declaration);
        Assert.Equal("ur the one", draft.Substring(declaration.Start, declaration.Length));
        var begging = report.Findings.Single(f => f.Category == FindingCategory.Begging);
        Assert.Equal("pls come back", draft.Substring(begging.Start, begging.Length));
    }

    [Fact]
    public void Wellbeing_questions_are_a_note_at_first_contact_only()
    {
        var first = DraftCoach.Analyze("Hey, how have you been?", CoachStage.FirstContact);
        Assert.Equal(Verdict.Send, first.Verdict);
        Assert.Equal(Severity.Note, Assert.Single(first.Findings).Severity);
        Assert.Empty(DraftCoach.Analyze("Hey, how have you been?", CoachStage.Reconnecting).Findings);
    }

    [Fact]
    public void A_long_draft_is_too_long_for_first_contact_but_fine_for_the_talk()
    {
        var draft = string.Join(' ', Enumerable.Repeat("We went to the lake and the weather was lovely all afternoon.", 8));
        Assert.Contains(FindingCategory.Length, Categories(draft, CoachStage.FirstContact));
        Assert.DoesNotContain(DraftCoach.Analyze(draft, CoachStage.TheTalk).Findings, f => f.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData(Phase.NoContact, false, CoachStage.NoContact)]
    [InlineData(Phase.Focus, true, CoachStage.LimitedContact)]
    [InlineData(Phase.ReachOut, false, CoachStage.FirstContact)]
    [InlineData(Phase.Reconnect, false, CoachStage.Reconnecting)]
    [InlineData(Phase.Talk, false, CoachStage.TheTalk)]
    [InlineData(Phase.Rebuild, false, CoachStage.Together)]
    public void The_stage_follows_the_program_phase(Phase phase, bool limited, CoachStage expected) =>
        Assert.Equal(expected, CoachStages.ForPhase(phase, limited));

    [Fact]
    public void Ids_round_trip()
    {
        foreach (var stage in Enum.GetValues<CoachStage>())
        {
            Assert.True(CoachIds.TryParseStage(stage.Id(), out var parsed));
            Assert.Equal(stage, parsed);
        }

        Assert.False(CoachIds.TryParseStage("second-date", out _));
    }

    [Property(MaxTest = 300)]
    public bool Any_string_is_analysed_without_throwing_and_spans_stay_inside_it(NonNull<string> text, bool useEmoji)
    {
        var draft = useEmoji ? "💔 " + text.Get + " 🙏🏽" : text.Get;
        foreach (var stage in Enum.GetValues<CoachStage>())
        {
            var report = DraftCoach.Analyze(draft, stage);
            if (report.Findings.Any(f => f.Start < 0 || f.Length < 0 || f.Start + f.Length > draft.Length))
            {
                return false;
            }

            if (report != DraftCoach.Analyze(draft, stage) && !report.Findings.SequenceEqual(DraftCoach.Analyze(draft, stage).Findings))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Empty_and_oversized_drafts_are_explained()
    {
        Assert.NotNull(DraftCoach.Problem("   "));
        Assert.NotNull(DraftCoach.Problem(new string('a', DraftCoach.MaxLength + 1)));
        Assert.Null(DraftCoach.Problem("hi"));
    }
}
