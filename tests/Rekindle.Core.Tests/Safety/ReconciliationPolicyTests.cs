using Rekindle.Core.Coach;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Core.Tests.Content;

namespace Rekindle.Core.Tests.Safety;

public sealed class ReconciliationPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    private static ReconciliationFacts Clear() => new(SafetyAnswers.None, [], [], null, TrackState.None, Now);

    [Fact]
    public void An_answered_screen_with_every_answer_no_and_nothing_flagged_is_open()
    {
        var decision = ReconciliationPolicy.Decide(Clear());
        Assert.True(decision.IsOpen);
        Assert.Null(decision.Reason);
        Assert.Empty(decision.Instead);
    }

    [Fact]
    public void A_skipped_safety_screen_closes_reconciliation_and_offers_the_screen()
    {
        var decision = ReconciliationPolicy.Decide(Clear() with { Safety = null });
        Assert.False(decision.IsOpen);
        Assert.Equal(ReconciliationReason.ScreenNotAnswered, decision.Reason);
        Assert.Contains(OpenInstead.SafetyScreen, decision.Instead);
        Assert.False(decision.TrackReason);
    }

    public static TheoryData<SafetyAnswers> EachYes() => new()
    {
        new SafetyAnswers(true, false, false, false),
        new SafetyAnswers(false, true, false, false),
        new SafetyAnswers(false, false, true, false),
        new SafetyAnswers(false, false, false, true),
    };

    [Theory]
    [MemberData(nameof(EachYes))]
    public void Any_yes_on_the_safety_screen_closes_it(SafetyAnswers answers)
    {
        var decision = ReconciliationPolicy.Decide(Clear() with { Safety = answers });
        Assert.Equal(ReconciliationReason.SafetyAnswer, decision.Reason);
        Assert.True(decision.TrackReason);
        Assert.Contains(OpenInstead.Healing, decision.Instead);
        Assert.Contains(OpenInstead.Help, decision.Instead);
    }

    [Fact]
    public void Abuse_among_Decides_red_flags_closes_it_and_other_red_flags_do_not()
    {
        Assert.Equal(ReconciliationReason.RedFlag, ReconciliationPolicy.Decide(Clear() with { DecideRedFlags = ["sporadic", "abuse"] }).Reason);
        Assert.True(ReconciliationPolicy.Decide(Clear() with { DecideRedFlags = ["sporadic", "unchanged-cheating", "toxic"] }).IsOpen);
    }

    [Fact]
    public void Abuse_named_as_a_cause_in_the_inventory_closes_it()
    {
        Assert.Equal(ReconciliationReason.InventoryAbuse, ReconciliationPolicy.Decide(Clear() with { InventoryCauses = ["communication", "abuse"] }).Reason);
        Assert.True(ReconciliationPolicy.Decide(Clear() with { InventoryCauses = ["communication", "trust"] }).IsOpen);
    }

    [Fact]
    public void A_threat_found_in_a_message_from_the_ex_closes_it_whatever_else_is_true()
    {
        var decision = ReconciliationPolicy.Decide(Clear() with { ExThreatFoundAt = Now.AddDays(-40) });
        Assert.Equal(ReconciliationReason.ExThreat, decision.Reason);
        Assert.Equal(ReconciliationReason.ExThreat, ReconciliationPolicy.Decide(Clear() with { Safety = null, ExThreatFoundAt = Now }).Reason);
        var done = new TrackState(Now.AddDays(-30), Now.AddDays(-20), true);
        Assert.Equal(ReconciliationReason.ExThreat, ReconciliationPolicy.Decide(Clear() with { ExThreatFoundAt = Now, Track = done }).Reason);
    }

    [Fact]
    public void The_strongest_reason_is_the_one_given()
    {
        var all = Clear() with { Safety = new(true, true, true, true), DecideRedFlags = ["abuse"], InventoryCauses = ["abuse"], ExThreatFoundAt = Now };
        Assert.Equal(ReconciliationReason.ExThreat, ReconciliationPolicy.Decide(all).Reason);
        Assert.Equal(ReconciliationReason.SafetyAnswer, ReconciliationPolicy.Decide(all with { ExThreatFoundAt = null }).Reason);
        Assert.Equal(ReconciliationReason.RedFlag, ReconciliationPolicy.Decide(all with { ExThreatFoundAt = null, Safety = SafetyAnswers.None }).Reason);
        Assert.Equal(ReconciliationReason.InventoryAbuse, ReconciliationPolicy.Decide(all with { ExThreatFoundAt = null, Safety = SafetyAnswers.None, DecideRedFlags = [] }).Reason);

        // A flag in Decide or the inventory closes it even before the screen is answered, and says so.
        Assert.Equal(ReconciliationReason.RedFlag, ReconciliationPolicy.Decide(Clear() with { Safety = null, DecideRedFlags = ["abuse"] }).Reason);
    }

    [Fact]
    public void On_the_track_with_the_reasons_gone_it_stays_closed_until_leaving_is_asked_for()
    {
        var decision = ReconciliationPolicy.Decide(Clear() with { Track = new TrackState(Now.AddDays(-3), null, false) });
        Assert.Equal(ReconciliationReason.LeavingTrackWaiting, decision.Reason);
        Assert.Null(decision.OpensAt);
        Assert.Contains(OpenInstead.HealingTrack, decision.Instead);
    }

    [Fact]
    public void The_waiting_week_ends_exactly_seven_days_after_leaving_was_confirmed_and_needs_the_reflection()
    {
        var asked = Now;
        ReconciliationDecision At(DateTime when, bool reflected) =>
            ReconciliationPolicy.Decide(Clear() with { Now = when, Track = new TrackState(asked.AddDays(-10), asked, reflected) });

        var justBefore = At(asked.AddDays(7).AddTicks(-1), reflected: true);
        Assert.Equal(ReconciliationReason.LeavingTrackWaiting, justBefore.Reason);
        Assert.Equal(asked.AddDays(7), justBefore.OpensAt);
        Assert.Equal(ReconciliationReason.LeavingTrackWaiting, At(asked, reflected: true).Reason);
        Assert.True(At(asked.AddDays(7), reflected: true).IsOpen);
        Assert.True(At(asked.AddDays(30), reflected: true).IsOpen);

        // The week alone is not enough: the reflection is part of leaving.
        Assert.Equal(ReconciliationReason.LeavingTrackWaiting, At(asked.AddDays(7), reflected: false).Reason);
        Assert.Equal(ReconciliationReason.LeavingTrackWaiting, At(asked.AddDays(60), reflected: false).Reason);
    }

    [Fact]
    public void A_reason_that_comes_back_during_the_waiting_week_is_the_reason_given()
    {
        var leaving = new TrackState(Now.AddDays(-10), Now.AddDays(-8), true);
        Assert.Equal(ReconciliationReason.SafetyAnswer, ReconciliationPolicy.Decide(Clear() with { Track = leaving, Safety = new(false, false, true, false) }).Reason);
    }

    [Fact]
    public void Off_the_track_an_unanswered_screen_still_closes_it()
    {
        var leaving = new TrackState(Now.AddDays(-10), Now.AddDays(-8), true);
        Assert.Equal(ReconciliationReason.ScreenNotAnswered, ReconciliationPolicy.Decide(Clear() with { Safety = null, Track = leaving }).Reason);
    }

    [Fact]
    public void The_reconciliation_stages_and_phases_are_the_ones_that_coach_getting_back_together()
    {
        Assert.Equal(
            [CoachStage.FirstContact, CoachStage.Reconnecting, CoachStage.Inviting, CoachStage.TheTalk, CoachStage.Together],
            Enum.GetValues<CoachStage>().Where(s => s.IsReconciliation()));
        Assert.Equal([Phase.ReachOut, Phase.Reconnect, Phase.Talk, Phase.Rebuild], Phases.All.Where(ReconciliationPolicy.IsReconciliationPhase));
    }

    [Fact]
    public void Every_abuse_flag_the_policy_reads_is_one_the_shipped_content_asks_about()
    {
        var content = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value)));
        Assert.All(ReconciliationPolicy.AbuseRedFlags, id => Assert.Contains(content.Decide.RedFlags, f => f.Id == id));
        Assert.All(ReconciliationPolicy.AbuseCauses, id => Assert.Contains(content.Inventory.Causes, c => c.Id == id));

        // Every inventory cause the content marks as a red flag is one the policy reads.
        Assert.All(content.Inventory.Causes.Where(c => c.Flag), c => Assert.Contains(c.Id, ReconciliationPolicy.AbuseCauses));
    }

    [Fact]
    public void Decide_itself_closes_only_for_harm_told_on_the_screen_or_a_threat_from_the_ex()
    {
        foreach (var reason in Enum.GetValues<ReconciliationReason>())
        {
            var decision = ReconciliationPolicy.Closed(reason);
            var decideClosed = reason is ReconciliationReason.SafetyAnswer or ReconciliationReason.ExThreat;
            Assert.Equal(decideClosed, decision.ClosesDecide());
            foreach (var phase in Phases.All)
            {
                Assert.Equal(phase.IsReconciliation() || (decideClosed && phase == Phase.Decide), decision.Closes(phase));
            }
        }

        Assert.DoesNotContain(Phases.All, ReconciliationDecision.Open.Closes);
    }

    [Fact]
    public void Every_reason_has_a_closed_decision_with_something_open_instead()
    {
        foreach (var reason in Enum.GetValues<ReconciliationReason>())
        {
            var decision = ReconciliationPolicy.Closed(reason);
            Assert.False(decision.IsOpen);
            Assert.Equal(reason, decision.Reason);
            Assert.NotEmpty(decision.Instead);
        }
    }
}
