using Rekindle.Core.NoContact;

namespace Rekindle.Core.Tests.NoContact;

public class ContactRulesTests
{
    [Theory]
    [InlineData(ContactInitiator.Me, false, true)]
    [InlineData(ContactInitiator.Me, true, true)]
    [InlineData(ContactInitiator.Them, false, false)]
    [InlineData(ContactInitiator.AccidentalRunIn, false, false)]
    [InlineData(ContactInitiator.Emergency, false, false)]
    [InlineData(ContactInitiator.Emergency, true, false)]
    [InlineData(ContactInitiator.Logistics, true, false)]
    [InlineData(ContactInitiator.Logistics, false, true)]
    public void Only_an_unforced_reach_out_restarts_the_count(ContactInitiator initiator, bool limited, bool restarts) =>
        Assert.Equal(restarts, ContactRules.BreaksStreak(initiator, limited));

    [Fact]
    public void Their_first_reach_out_gets_do_not_engage_and_a_repeat_gets_one_request_for_space()
    {
        Assert.Equal(ContactAdvice.DoNotEngage, ContactRules.AdviceFor(ContactInitiator.Them, false, 0));
        Assert.Equal(ContactAdvice.AskForSpaceOnce, ContactRules.AdviceFor(ContactInitiator.Them, false, 1));
        Assert.Equal(ContactAdvice.AskForSpaceOnce, ContactRules.AdviceFor(ContactInitiator.Them, true, 4));
    }

    [Fact]
    public void Each_kind_of_contact_gets_the_programs_advice()
    {
        Assert.Equal(ContactAdvice.FreshStart, ContactRules.AdviceFor(ContactInitiator.Me, false, 0));
        Assert.Equal(ContactAdvice.HandleEmergency, ContactRules.AdviceFor(ContactInitiator.Emergency, false, 0));
        Assert.Equal(ContactAdvice.KeepItPractical, ContactRules.AdviceFor(ContactInitiator.Logistics, true, 0));
        Assert.Equal(ContactAdvice.LogisticsCounted, ContactRules.AdviceFor(ContactInitiator.Logistics, false, 0));
        Assert.Equal(ContactAdvice.PoliteAndBrief, ContactRules.AdviceFor(ContactInitiator.AccidentalRunIn, false, 0));
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    [InlineData(30, true)]
    [InlineData(45, true)]
    [InlineData(46, false)]
    [InlineData(0, false)]
    [InlineData(-30, false)]
    public void Target_is_21_to_45_days(int days, bool valid) => Assert.Equal(valid, NoContactTarget.IsValid(days));
}
