using Rekindle.Core.ExMessages;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Tests.ExMessages;

/// <summary>On the healing track a message from the ex is read for control: each pattern in several phrasings, text-speak included.</summary>
public sealed class ControlReaderTests
{
    private static void Finds(ControlPattern pattern, string message)
    {
        var reading = ControlReader.Read(message);
        Assert.True(reading.Patterns.Contains(pattern), $"\"{message}\" → [{string.Join(", ", reading.Patterns)}], expected {pattern}");
        var finding = reading.Findings.First(f => f.Pattern == pattern);
        Assert.InRange(finding.Start, 0, message.Length - 1);
        Assert.InRange(finding.Start + finding.Length, finding.Start + 1, message.Length);
    }

    [Theory]
    [InlineData("After everything I did for you, this is how you treat me?")]
    [InlineData("how could u do this to us")]
    [InlineData("The kids keep asking why you left. Hope you're happy.")]
    [InlineData("You're tearing this family apart and you don't even care.")]
    [InlineData("i cant sleep because of you")]
    [InlineData("I gave you the best years of my life")]
    [InlineData("hope u can live with yourself")]
    [InlineData("You owe me at least a conversation.")]
    public void Guilt_tripping(string message) => Finds(ControlPattern.GuiltTripping, message);

    [Theory]
    [InlineData("You'll regret this.")]
    [InlineData("I know where you live.")]
    [InlineData("if u block me i'll come round to your work")]
    [InlineData("Answer me or else.")]
    [InlineData("I'll post those pics if you don't call me")]
    [InlineData("You'll never see the kids again.")]
    [InlineData("dont make me come over there")]
    [InlineData("If you leave me I'll kill myself")]
    [InlineData("I'll make your life hell")]
    public void Threats_and_intimidation(string message) => Finds(ControlPattern.Threats, message);

    [Theory]
    [InlineData("You're the love of my life, my soulmate.")]
    [InlineData("No one will ever love you like I do.")]
    [InlineData("we're meant to be, u know it")]
    [InlineData("I'll buy you that trip to Rome, anything you want.")]
    [InlineData("I love you more than anything ❤️❤️❤️")]
    [InlineData("marry me. i mean it")]
    [InlineData("You're the only one who gets me.")]
    public void Love_bombing(string message) => Finds(ControlPattern.LoveBombing, message);

    [Theory]
    [InlineData("I've changed, I swear.")]
    [InlineData("i promise itll be different this time")]
    [InlineData("This time will be different.")]
    [InlineData("I'm getting help, I'm in therapy now.")]
    [InlineData("I'll never raise my voice again.")]
    [InlineData("im a different person now")]
    [InlineData("Just give me one more chance.")]
    [InlineData("it will never happen again")]
    public void Promises_to_change(string message) => Finds(ControlPattern.PromisesToChange, message);

    [Theory]
    [InlineData("Who were you with last night?")]
    [InlineData("I saw you were online at 2am.")]
    [InlineData("saw u were online. who r u talking to")]
    [InlineData("Where were you today? You weren't home.")]
    [InlineData("Why is your location off?")]
    [InlineData("I drove past your place, your car wasn't there.")]
    [InlineData("you left me on read again")]
    [InlineData("Your sister told me you went out.")]
    [InlineData("Who's the guy in your story?")]
    public void Monitoring_and_checking_up(string message) => Finds(ControlPattern.Monitoring, message);

    [Theory]
    [InlineData("I just need to talk once. Five minutes.")]
    [InlineData("i just need to talk to u one last time")]
    [InlineData("It's an emergency, call me.")]
    [InlineData("Remember our trip to the coast? I found our old photos.")]
    [InlineData("They played our song today.")]
    [InlineData("I got you something, it's your favourite.")]
    [InlineData("hey stranger")]
    [InlineData("been thinking about u")]
    [InlineData("Do you still have my grey hoodie? I could come by.")]
    [InlineData("I'm in hospital. I need your help.")]
    public void Hoovering(string message) => Finds(ControlPattern.Hoovering, message);

    [Theory]
    [InlineData("It's your fault this happened.")]
    [InlineData("You made me do it.")]
    [InlineData("If you hadn't gone out, none of this would have happened.")]
    [InlineData("ur crazy, that never happened")]
    [InlineData("You're overreacting. You know how I get.")]
    [InlineData("You pushed me to it.")]
    [InlineData("you always start it")]
    [InlineData("I only said that because you ignored me.")]
    public void Blame_shifting(string message) => Finds(ControlPattern.BlameShifting, message);

    [Theory]
    [InlineData("pick up at 5 on saturday?")]
    [InlineData("Can you drop the kids at 6 on Sunday?")]
    [InlineData("I'll collect my boxes Saturday morning.")]
    [InlineData("Half the electricity bill is £43. Can you transfer it by Friday?")]
    [InlineData("Leo has the dentist Tuesday at 3:30, can you take him")]
    [InlineData("keys r with my mum, grab them whenever")]
    [InlineData("The landlord needs the form signed by the 30th.")]
    [InlineData("running late, there at 5.15")]
    [InlineData("School's closed Friday so I'll have them from 1pm.")]
    [InlineData("Got the car seat, will bring it to the handover.")]
    public void Ordinary_logistics_are_read_as_logistics_not_control(string message)
    {
        var reading = ControlReader.Read(message);
        Assert.True(reading.Findings.Count == 0, $"\"{message}\" → [{string.Join(", ", reading.Patterns)}]");
        Assert.True(reading.Logistics);
        Assert.True(reading.PlainLogistics);
        Assert.Equal(HealingReply.LogisticsOnly, reading.Reply);
    }

    [Fact]
    public void Logistics_wrapped_in_control_names_the_control_and_suggests_answering_only_the_practical_part()
    {
        const string message = "Pick up is at 5 Saturday. Who were you with last night? After everything I did for you.";
        var reading = ControlReader.Read(message);
        Assert.Equal([ControlPattern.Monitoring, ControlPattern.GuiltTripping], reading.Patterns);
        Assert.Equal("Who were you with", message.Substring(reading.Findings[0].Start, reading.Findings[0].Length));
        Assert.True(reading.Logistics);
        Assert.False(reading.PlainLogistics);
        Assert.Equal(HealingReply.LogisticsOnly, reading.Reply);
    }

    [Fact]
    public void A_time_inside_checking_up_is_not_a_practical_matter()
    {
        var reading = ControlReader.Read("saw u were online at 2am. who were u with??");
        Assert.Contains(ControlPattern.Monitoring, reading.Patterns);
        Assert.False(reading.Logistics);
        Assert.Equal(HealingReply.NoReply, reading.Reply);
    }

    [Theory]
    [InlineData("I miss you. Can we talk?")]
    [InlineData("hey")]
    [InlineData("I've been in therapy and I see what I did. I'd like to try again.")]
    public void Without_a_practical_matter_the_suggestion_is_not_to_reply(string message)
    {
        var reading = ControlReader.Read(message);
        Assert.False(reading.Logistics);
        Assert.Equal(HealingReply.NoReply, reading.Reply);
    }

    [Fact]
    public void A_message_that_looks_substantive_is_still_not_weighed_on_the_healing_track()
    {
        var answers = new ExMessageAnswers(true, true, true, false, false, false, false);
        var healing = ExMessageJudge.Judge(answers, Phase.Heal, safetyPivot: true);
        Assert.Equal(ExMessageAdvice.ProtectYourself, healing.Advice);
        Assert.Empty(healing.Points);
        Assert.NotEmpty(ExMessageJudge.Judge(answers, Phase.Talk, safetyPivot: false).Points);

        var reading = ControlReader.Read("I've changed. I'm in therapy now and I know what I did wrong. Let's try again.");
        Assert.Contains(ControlPattern.PromisesToChange, reading.Patterns);
        Assert.Equal(HealingReply.NoReply, reading.Reply);
    }

    [Fact]
    public void Any_text_is_safe_to_read()
    {
        Assert.Empty(ControlReader.Read("").Findings);
        Assert.Empty(ControlReader.Read("🙂🙂 ... ??? \n\n\t").Findings);
        var huge = string.Concat(Enumerable.Repeat("who were you with ", 2_000));
        Assert.NotEmpty(ControlReader.Read(huge).Findings);
    }
}
