using Rekindle.Core.Safety;

namespace Rekindle.Core.Tests.Safety;

/// <summary>The rules layer alone: unmistakable phrasings, whoever writes them, and the idioms it must leave alone.</summary>
public sealed class CrisisRulesTests
{
    private static CrisisReading Read(string text, Voice voice = Voice.Own) => CrisisReader.RulesOnly.Read(text, voice);

    [Theory]
    [InlineData("I want to kill myself", CrisisKind.SelfHarm)]
    [InlineData("honestly i just want to die", CrisisKind.SelfHarm)]
    [InlineData("i dont wanna be alive anymore", CrisisKind.SelfHarm)]
    [InlineData("kms", CrisisKind.SelfHarm)]
    [InlineData("I've been cutting again since she left", CrisisKind.SelfHarm)]
    [InlineData("everyone would be better off without me", CrisisKind.SelfHarm)]
    [InlineData("I've been saving up my pills", CrisisKind.SelfHarm)]
    [InlineData("By the time you read this I'll be gone", CrisisKind.SelfHarm)]
    [InlineData("You'll regret this when you're standing at my funeral.", CrisisKind.SelfHarm)]
    [InlineData("If you block me I'll show up at your work and you'll regret it", CrisisKind.HarmToOthers)]
    [InlineData("I know where you live", CrisisKind.HarmToOthers)]
    [InlineData("if i can't have you nobody can", CrisisKind.HarmToOthers)]
    [InlineData("He said he'd kill me if I left", CrisisKind.Threatened)]
    [InlineData("my ex choked me last time", CrisisKind.Threatened)]
    [InlineData("She keeps saying she'll kill herself if I don't come back", CrisisKind.ExSelfHarm)]
    [InlineData("he's talking about ending it all and says it's on me", CrisisKind.ExSelfHarm)]
    public void Unmistakable_phrasings_are_a_crisis_of_their_kind(string text, CrisisKind kind)
    {
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(kind, reading.Kind);
        Assert.True(reading.ByRule);
    }

    [Theory]
    [InlineData("this week is killing me")]
    [InlineData("I'd die for a nap right now")]
    [InlineData("dead tired after the night shift")]
    [InlineData("killed it at work today")]
    [InlineData("I could murder a burger")]
    [InlineData("I nearly killed myself laughing at that video")]
    [InlineData("In the film the hero kills himself to save the city")]
    [InlineData("I'll destroy him at ping pong on Friday")]
    [InlineData("I would never kill myself, but I am sad")]
    [InlineData("Cut myself shaving this morning, great start")]
    [InlineData("My mum will kill me if I'm late again")]
    [InlineData("I will report you to the police if you keep showing up")]
    public void Idioms_fiction_and_ordinary_pain_are_not_a_rule_crisis(string text) =>
        Assert.Equal(CrisisLevel.None, Read(text).Level);

    [Fact]
    public void The_ex_saying_it_is_their_own_life_or_a_threat_to_the_user()
    {
        Assert.Equal(CrisisKind.ExSelfHarm, Read("I'll kill myself if you don't answer", Voice.Ex).Kind);
        Assert.Equal(CrisisKind.Threatened, Read("I know where you live. Answer me or else.", Voice.Ex).Kind);
    }

    [Fact]
    public void One_sentence_inside_a_long_entry_is_found_and_pointed_at()
    {
        const string dangerous = "Some nights I think I should just end my life and be done.";
        var text = string.Join(" ", Enumerable.Repeat("Work was fine and I walked the dog by the river after lunch.", 20))
            + " " + dangerous + " " + string.Join(" ", Enumerable.Repeat("Then I made pasta and watched a film with my sister.", 20));
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(dangerous, reading.Sentence);
        Assert.Equal(dangerous, text.Substring(reading.Start, reading.Length));
    }

    [Fact]
    public void Text_speak_without_punctuation_is_read_in_windows()
    {
        var text = "ok so today was long and the bus was late again and my boss was annoying as usual and i kept checking his insta "
            + "and honestly i dont want to live anymore and idk what else to say lol";
        Assert.Equal(CrisisLevel.Crisis, Read(text).Level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("...!!!???")]
    [InlineData("\u0000\uFFFF\uD800")]
    public void Empty_and_broken_input_reads_as_nothing(string? text) => Assert.Equal(CrisisReading.None, Read(text!));

    [Fact]
    public void Huge_input_is_read_without_failing()
    {
        var huge = string.Concat(Enumerable.Repeat("a perfectly ordinary sentence about groceries. ", 20_000)) + "I want to kill myself.";
        Assert.Equal(CrisisLevel.None, Read(huge[..(CrisisReader.MaxModelChars * 5)]).Level);
        Assert.NotNull(Read(huge));
    }
}
