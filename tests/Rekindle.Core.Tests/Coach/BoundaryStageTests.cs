using Rekindle.Core.Coach;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Tests.Coach;

/// <summary>
/// The boundary stage: brief, factual, firm messages about practical matters (children, keys, belongings, money)
/// pass; anything that reopens the relationship is flagged, with its span on what was typed. The labelled
/// drafts are in corpus-boundary.jsonl; these tests pin down the stage's own rules.
/// </summary>
public sealed class BoundaryStageTests
{
    private static DraftReport Read(string draft) => DraftCoach.Analyze(draft, CoachStage.Boundary);

    private static string Span(string draft, DraftFinding finding) => draft.Substring(finding.Start, finding.Length);

    [Theory]
    [InlineData("pick up at 5 on saturday?")]
    [InlineData("I'll drop Ava at yours at 5 on Saturday and collect her Sunday at 6.")]
    [InlineData("Your boxes are in the hallway. Please collect them by Sunday.")]
    [InlineData("Half the water bill is £31.50. Please transfer it by the 1st.")]
    [InlineData("The spare keys are with the concierge. Collect them any weekday before 4.")]
    [InlineData("I'll get the kids from school Wednesday and bring them back Thursday morning.")]
    [InlineData("I'll get your things ready; they'll be in the garage from Saturday.")]
    [InlineData("I need you to sign the form and leave it in the post box by Thursday.")]
    [InlineData("Please let me know by Friday if you can have them over half term.")]
    [InlineData("Sorry, running 10 minutes late for the handover.")]
    [InlineData("Just so you know, the school closes early Friday, so pickup is at 1.")]
    [InlineData("No. The arrangement stays as agreed at mediation.")]
    [InlineData("Please only contact me about the children. I won't reply to anything else.")]
    [InlineData("Can we talk about the pickup times for the summer by email?")]
    [InlineData("ok, 6 at the station then")]
    [InlineData("The dog's vet bill was £120. Your half is £60.")]
    [InlineData("I'll call your mum to arrange the Christmas Eve handover.")]
    public void A_brief_practical_message_is_clean(string draft)
    {
        var report = Read(draft);
        Assert.True(report.Findings.All(f => f.Severity == Severity.Note), string.Join(", ", report.Findings.Select(f => $"{f.Category}: {Span(draft, f)}")));
        Assert.Equal(Verdict.Send, report.Verdict);
        Assert.False(report.ShowCrisisResources);
        Assert.Contains("practical point", report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Keys are under the mat. I miss you.", FindingCategory.Declaration, "I miss you")]
    [InlineData("Keys are under the mat. I feel so hurt by how you left.", FindingCategory.Feelings, "I feel so hurt")]
    [InlineData("The bill is £60. It hurts that we're like strangers now.", FindingCategory.Feelings, "It hurts")]
    [InlineData("I'm so sorry for everything. The boxes are ready.", FindingCategory.Apology, "I'm so sorry")]
    [InlineData("Sorry about last night. Can you take Max Tuesday?", FindingCategory.Apology, "Sorry about last night")]
    [InlineData("I shouldn't have said that. Drop-off at 4.", FindingCategory.Apology, "I shouldn't have")]
    [InlineData("I found our old photos while packing. They're in the top box.", FindingCategory.Reminiscing, "I found our old photos")]
    [InlineData("Remember when we painted the hallway? The landlord wants it redone.", FindingCategory.Reminiscing, "Remember when")]
    [InlineData("We used to love Christmas. The kids are with me on the 24th.", FindingCategory.Reminiscing, "We used to")]
    [InlineData("Handover at 5. How's the new job going?", FindingCategory.PersonalQuestion, "How's the new job")]
    [InlineData("Keys are with Sam. what r u up to these days", FindingCategory.PersonalQuestion, "what r u up to")]
    [InlineData("Handover at 5. How are you?", FindingCategory.WellbeingQuestion, "How are you")]
    [InlineData("Can we get back together?", FindingCategory.RelationshipTalk, "get back together")]
    [InlineData("Drop the kids at 5. We should grab a coffee sometime.", FindingCategory.Reconnection, "We should grab a coffee")]
    [InlineData("Post is in the porch. Call me anytime.", FindingCategory.Reconnection, "Call me anytime")]
    [InlineData("Post is in the porch. Let me know if you ever want to talk.", FindingCategory.Reconnection, "Let me know if you ever want to talk")]
    [InlineData("Your jacket is in the box. I'd still like us to be friends.", FindingCategory.Reconnection, "be friends")]
    [InlineData("Pickup at 5 on saturday. Thanks xx", FindingCategory.Reconnection, "xx")]
    [InlineData("I'm here for you if you need anything. Handover is Friday.", FindingCategory.Reconnection, "I'm here for you")]
    [InlineData("Pick up at 5, if that's not too much to ask.", FindingCategory.EmotionalBait, "if that's not too much to ask")]
    [InlineData("The kids need picking up at 3. Be on time for once.", FindingCategory.EmotionalBait, "for once")]
    [InlineData("Bill is £50. Not that you care.", FindingCategory.EmotionalBait, "Not that you care")]
    [InlineData("why havent u answered about saturday", FindingCategory.EmotionalBait, "why havent u answered")]
    [InlineData("Please take me back.", FindingCategory.Begging, "Please take me back")]
    [InlineData("Pickup at 5. I promise things will be different.", FindingCategory.Promise, "I promise things will")]
    public void Anything_that_reopens_the_relationship_is_flagged_where_it_was_typed(string draft, FindingCategory category, string span)
    {
        var report = Read(draft);
        var finding = Assert.Single(report.Findings, f => f.Category == category);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(span, Span(draft, finding), ignoreCase: true);
        Assert.Equal(Verdict.Revise, report.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(finding.Explanation));
        Assert.DoesNotContain("attractive", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_explaining_points_at_the_whole_sentence_that_justifies()
    {
        const string draft = "Pickup is at 5 on Saturday. I hope you can understand that I need it to be somewhere public. Thanks.";
        var finding = Assert.Single(Read(draft).Findings);
        Assert.Equal(FindingCategory.OverExplaining, finding.Category);
        Assert.Equal("I hope you can understand that I need it to be somewhere public.", Span(draft, finding));
        Assert.Contains("justify", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void One_reason_is_fine_and_a_pile_of_reasons_is_over_explaining()
    {
        Assert.Empty(Read("I can't do Saturday because I'm working. Sunday at 10 works.").Findings);

        const string draft = "I can't do Saturday because I'm working. Sunday is better because the kids have football, which is why I'd rather swap.";
        var findings = Read(draft).Findings.Where(f => f.Category == FindingCategory.OverExplaining).ToList();
        Assert.Equal(["I can't do Saturday because I'm working.", "Sunday is better because the kids have football, which is why I'd rather swap."], findings.Select(f => Span(draft, f)));
    }

    [Fact]
    public void Feelings_and_the_relationship_are_flagged_only_for_a_boundary_message()
    {
        const string draft = "I'm so sorry for everything. Remember when we painted the hallway?";
        Assert.Contains(Read(draft).Findings, f => f.Category == FindingCategory.Apology);
        foreach (var stage in Enum.GetValues<CoachStage>().Where(s => s != CoachStage.Boundary))
        {
            Assert.DoesNotContain(DraftCoach.Analyze(draft, stage).Findings, f => f.Category >= FindingCategory.Feelings);
        }
    }

    [Fact]
    public void A_long_practical_message_is_flagged_for_length()
    {
        var draft = string.Join(' ', Enumerable.Repeat("The bag has the swimming kit and the reading book.", 8));
        Assert.Contains(Read(draft).Findings, f => f.Category == FindingCategory.Length && f.Severity == Severity.Warning);
        Assert.True(DraftCoach.WordLimit(CoachStage.Boundary) <= 60);
    }

    [Fact]
    public void Threats_and_self_harm_still_stop_a_boundary_message()
    {
        var threat = Read("Handover at 6. I'll make you pay for this.");
        Assert.Equal(Verdict.Wait, threat.Verdict);
        Assert.True(threat.ShowCrisisResources);
    }

    [Fact]
    public void Suggestions_keep_to_the_practical_point()
    {
        var report = Read("Keys are under the mat. I miss you.");
        Assert.Contains(report.Suggestions, s => s.Contains("what, when, where", StringComparison.Ordinal));
        Assert.Contains("Take out the highlighted parts", report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Phase.Heal, false)]
    [InlineData(Phase.NoContact, true)]
    [InlineData(Phase.Focus, true)]
    [InlineData(Phase.ReachOut, true)]
    [InlineData(Phase.Talk, true)]
    public void The_healing_track_defaults_to_a_boundary_message(Phase phase, bool healingTrack) =>
        Assert.Equal(CoachStage.Boundary, CoachStages.ForPhase(phase, limitedContact: false, healingTrack));

    [Fact]
    public void The_stage_has_an_id_for_the_cli_and_the_api()
    {
        Assert.Equal("boundary", CoachStage.Boundary.Id());
        Assert.True(CoachIds.TryParseStage("boundary", out var stage));
        Assert.Equal(CoachStage.Boundary, stage);
        Assert.Contains("boundary", CoachIds.AllStageIds);
        foreach (var category in new[] { "feelings", "apology", "reminiscing", "personal-question", "reconnection", "over-explaining", "emotional-bait" })
        {
            Assert.True(CoachIds.TryParseCategory(category, out _), category);
        }
    }
}
