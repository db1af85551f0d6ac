using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;

namespace Rekindle.Core.Tests.Journey;

public sealed class NoReplyTests
{
    private static readonly DateOnly Sent = new(2026, 11, 2);

    [Fact]
    public void Without_a_first_message_or_after_a_reply_there_is_no_silence_road()
    {
        Assert.Equal(SilenceStep.None, NoReply.Evaluate(null, null, false, false, null, Sent).Step);
        Assert.Equal(SilenceStep.None, NoReply.Evaluate(Sent, null, replied: true, false, null, Sent.AddDays(30)).Step);
        Assert.Equal(SilenceStep.None, NoReply.Evaluate(Sent, Sent.AddDays(7), replied: true, false, null, Sent.AddDays(30)).Step);
    }

    [Theory]
    [InlineData(0, SilenceStep.Waiting, 7, false)]
    [InlineData(6, SilenceStep.Waiting, 1, false)]
    [InlineData(7, SilenceStep.Silence, 0, true)]
    [InlineData(40, SilenceStep.Silence, 0, true)]
    public void The_default_wait_is_seven_days_then_one_follow_up_is_offered(int days, SilenceStep step, int left, bool followUp)
    {
        var state = NoReply.Evaluate(Sent, null, false, false, null, Sent.AddDays(days));
        Assert.Equal(step, state.Step);
        Assert.Equal(7, state.WaitDays);
        Assert.Equal(left, state.DaysLeft);
        Assert.Equal(followUp, state.FollowUpAllowed);
    }

    [Fact]
    public void The_user_sets_the_wait_and_a_bad_value_falls_back_to_the_default()
    {
        Assert.Equal(SilenceStep.Silence, NoReply.Evaluate(Sent, null, false, false, 3, Sent.AddDays(3)).Step);
        Assert.Equal(SilenceStep.Waiting, NoReply.Evaluate(Sent, null, false, false, 10, Sent.AddDays(9)).Step);
        Assert.Equal(7, NoReply.Evaluate(Sent, null, false, false, 99, Sent).WaitDays);
        Assert.True(NoReply.IsValidWaitDays(2));
        Assert.False(NoReply.IsValidWaitDays(1));
        Assert.False(NoReply.IsValidWaitDays(31));
    }

    [Fact]
    public void After_the_one_follow_up_there_is_no_second_and_silence_leads_to_acceptance()
    {
        var followUp = Sent.AddDays(8);
        var waiting = NoReply.Evaluate(Sent, followUp, false, false, null, followUp.AddDays(3));
        Assert.Equal(SilenceStep.WaitingAfterFollowUp, waiting.Step);
        Assert.False(waiting.FollowUpAllowed);
        Assert.Equal(4, waiting.DaysLeft);
        var ended = NoReply.Evaluate(Sent, followUp, false, false, null, followUp.AddDays(7));
        Assert.Equal(SilenceStep.Ended, ended.Step);
        Assert.False(ended.FollowUpAllowed);
    }

    [Fact]
    public void Letting_it_rest_ends_the_road_at_once()
    {
        Assert.Equal(SilenceStep.Ended, NoReply.Evaluate(Sent, null, false, letItRest: true, null, Sent.AddDays(1)).Step);
    }

    [Fact]
    public void An_ended_silence_recommends_acceptance_but_never_overrides_safety_or_an_answer()
    {
        var streak = Streak.Summarize(Sent.AddDays(-40), [], Sent, 30);
        var facts = new JourneyFacts(true, true, false, true, streak, true, Decision.Pursue, "first-message", null, SilenceEnded: true);
        Assert.Equal(new Recommendation(Phase.Accept, NextStep.AcceptTheSilence), JourneyGuide.Recommend(facts));
        Assert.Equal(NextStep.FollowHealingTrack, JourneyGuide.Recommend(facts with { SafetyPivot = true }).Next);
        Assert.Equal(NextStep.RebuildTogether, JourneyGuide.Recommend(facts with { Outcome = TalkOutcome.Yes }).Next);
        Assert.Equal(NextStep.KeepReconnecting, JourneyGuide.Recommend(facts with { SilenceEnded = false }).Next);
    }
}
