using Rekindle.Core.Assessments;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Progress;
using Rekindle.Core.Tests.Content;

namespace Rekindle.Core.Tests.Journey;

public sealed class AssessmentRulesTests
{
    private static readonly DecideContent Decide = new(
        [new("love", "I love them")], [new("lonely", "I'm lonely")], [new("why-ended", "Why?"), new("future", "Future?"), new("ready", "Ready?")],
        [new("abuse", "Abuse", Flag: true), new("sporadic", "Sporadic"), new("toxic", "Toxic")], [new("both-grew", "Both grew")], [new("same", "Same?")]);

    /// <summary>The shipped words, so the rules' phrases are checked as a person reads them.</summary>
    private static readonly PageStrings Strings = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value))).Strings;

    private static DecideAnswers Answers(string[] chosen, params (string Id, string Answer)[] questions) =>
        new(chosen, chosen, questions.ToDictionary(q => q.Id, q => q.Answer), chosen, chosen, new Dictionary<string, string>());

    [Fact]
    public void A_serious_red_flag_is_shown_first_and_changes_the_advice()
    {
        var advice = DecisionAdvisor.Explain(Answers(["love", "both-grew", "abuse"], ("why-ended", "yes"), ("future", "yes"), ("ready", "yes")), Decide);
        Assert.Equal(Leaning.DoNotPursue, advice.Leaning);
        Assert.Equal(PointKind.SeriousRedFlag, advice.Points[0].Kind);
        Assert.Equal("abuse", advice.Points[0].Id);
    }

    [Fact]
    public void Every_point_explains_itself_and_desperation_is_named()
    {
        var advice = DecisionAdvisor.Explain(Answers(["love", "lonely", "both-grew"], ("why-ended", "yes"), ("future", "no"), ("ready", "unsure")), Decide);
        Assert.All(advice.Points, p => Assert.False(string.IsNullOrWhiteSpace(Strings[p.Why])));
        Assert.Contains(advice.Points, p => p.Kind == PointKind.Desperation && Strings[p.Why].Contains("desperation", StringComparison.Ordinal));
        Assert.Contains("not to pursue", Strings[DecisionAdvisor.Explain(Answers(["abuse"]), Decide).Summary], StringComparison.Ordinal);
        Assert.Equal(2, advice.Points.Count(p => p.Kind == PointKind.OpenQuestion));
    }

    [Fact]
    public void Green_lights_and_clear_answers_leave_room_to_try_and_doubts_say_not_yet()
    {
        Assert.Equal(Leaning.OpenToTrying, DecisionAdvisor.Explain(Answers(["love", "both-grew"], ("why-ended", "yes"), ("future", "yes"), ("ready", "yes")), Decide).Leaning);
        Assert.Equal(Leaning.NotYet, DecisionAdvisor.Explain(Answers(["love", "both-grew", "sporadic", "toxic"], ("why-ended", "yes")), Decide).Leaning);
        Assert.Equal(Leaning.NotYet, DecisionAdvisor.Explain(Answers(["lonely", "both-grew"], ("why-ended", "yes")), Decide).Leaning);
        Assert.Equal(Leaning.NotYet, DecisionAdvisor.Explain(Answers(["love"], ("why-ended", "yes"), ("future", "yes"), ("ready", "yes")), Decide).Leaning);
    }

    [Fact]
    public void Readiness_shows_each_items_live_status()
    {
        var steady = new SteadyWeekResult(6, true, true, true);
        var items = ReadinessCheck.Evaluate(new ReadinessFacts(true, 0, Decision.Pursue, true, steady, true, null));
        Assert.Equal(["target", "pursue", "inventory", "steady", "confident", "okay-if-no", "respect", "resentment"], items.Select(i => i.Id));
        Assert.Equal([ItemStatus.Met, ItemStatus.Met, ItemStatus.Met, ItemStatus.Met, ItemStatus.Met, ItemStatus.Unknown, ItemStatus.Unknown, ItemStatus.Unknown], items.Select(i => i.Status));
        Assert.Null(ReadinessCheck.HonestReading(items));

        var early = ReadinessCheck.Evaluate(new ReadinessFacts(false, 9, null, false, new SteadyWeekResult(2, false, false, true), false, false));
        Assert.Equal("9 more days to go.", Strings[early[0].Detail]);
        Assert.Equal("1 more day to go.", Strings[ReadinessCheck.Evaluate(new ReadinessFacts(false, 1, null, false, steady, null, null))[0].Detail]);
        Assert.Equal(ItemStatus.Unknown, early[1].Status);
        Assert.Equal(ItemStatus.Unknown, early[3].Status);
        Assert.Contains("2 so far", Strings[early[3].Detail], StringComparison.Ordinal);
        Assert.Equal(ItemStatus.NotYet, early[5].Status);
    }

    [Theory]
    [InlineData(false, null, "respect", "contempt")]
    [InlineData(null, false, "resentment", "score to settle")]
    public void A_not_yet_on_respect_or_resentment_gets_an_honest_reading(bool? respect, bool? resentment, string id, string words)
    {
        var steady = new SteadyWeekResult(6, true, true, true);
        var items = ReadinessCheck.Evaluate(new ReadinessFacts(true, 0, Decision.Pursue, true, steady, true, true, respect, resentment));
        var item = items.Single(i => i.Id == id);
        Assert.Equal(ItemStatus.NotYet, item.Status);
        Assert.Contains(words, Strings[item.Detail], StringComparison.Ordinal);
        Assert.StartsWith("An honest not yet.", Strings[item.Detail], StringComparison.Ordinal);
        var reading = ReadinessCheck.HonestReading(items);
        Assert.NotNull(reading);
        Assert.Contains("not yet to respect or resentment", Strings[reading], StringComparison.Ordinal);

        var yes = ReadinessCheck.Evaluate(new ReadinessFacts(true, 0, Decision.Pursue, true, steady, true, true, true, true));
        Assert.All(yes, i => Assert.Equal(ItemStatus.Met, i.Status));
        Assert.Null(ReadinessCheck.HonestReading(yes));
        Assert.Equal("You said yes.", Strings[yes.Single(i => i.Id == id).Detail]);
    }

    [Fact]
    public void The_daily_plan_counts_from_the_start_of_no_contact_not_the_streak()
    {
        var start = new DateOnly(2026, 10, 1);
        Assert.Equal(1, DailyPlan.DayNumber(null, new DateOnly(2026, 11, 2)));
        Assert.Equal(1, DailyPlan.DayNumber(start, start));
        Assert.Equal(33, DailyPlan.DayNumber(start, new DateOnly(2026, 11, 2)));
        Assert.Equal(1, DailyPlan.DayNumber(start, start.AddDays(-3)));
        Assert.Equal([3, 5], DailyPlan.OpenEarlierDays(6, [1, 2, 4]));
        Assert.Empty(DailyPlan.OpenEarlierDays(1, []));
    }

    [Fact]
    public void The_healing_plan_counts_from_the_day_the_track_began()
    {
        var noContact = new DateOnly(2026, 10, 1);
        var healing = new DateOnly(2026, 10, 20);
        var today = new DateOnly(2026, 10, 24);
        Assert.Equal(5, DailyPlan.DayNumber(Track.Healing, null, healing, today));
        Assert.Equal(5, DailyPlan.DayNumber(Track.Healing, noContact, healing, today));
        Assert.Equal(24, DailyPlan.DayNumber(Track.Healing, noContact, null, today));
        Assert.Equal(24, DailyPlan.DayNumber(Track.Reconciliation, noContact, healing, today));
        Assert.Equal(1, DailyPlan.DayNumber(Track.Reconciliation, null, healing, today));
    }

    [Fact]
    public void Stages_go_in_order_and_logging_an_earlier_one_never_moves_you_back()
    {
        Assert.Equal("first-message", StageTracker.Next(null));
        Assert.Equal("call", StageTracker.Furthest(["first-message", "call", "light-talk"]));
        Assert.Equal("casual-meeting", StageTracker.Next("call"));
        Assert.Null(StageTracker.Next("outcome"));
        Assert.Null(StageTracker.Furthest(["not-a-stage"]));
    }

    [Fact]
    public void Every_step_toward_the_talk_and_the_follow_up_are_contact_but_their_answer_and_letting_it_rest_are_not()
    {
        foreach (var stage in new[] { "first-message", "light-talk", "call", "casual-meeting", "date", "the-talk", Rekindle.Core.Journey.NoReply.FollowUp })
        {
            Assert.True(StageTracker.IsContact(stage), stage);
        }

        Assert.False(StageTracker.IsContact("outcome"));
        Assert.False(StageTracker.IsContact(Rekindle.Core.Journey.NoReply.LetItRest));
        Assert.False(StageTracker.IsContact(null));
        Assert.False(StageTracker.IsContact("elsewhere"));
    }
}
