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

    [Theory]
    [InlineData("honestly im so tired of living", CrisisKind.SelfHarm)]
    [InlineData("I hope I die in my sleep tonight", CrisisKind.SelfHarm)]
    [InlineData("i just wanna stop existing", CrisisKind.SelfHarm)]
    [InlineData("I'm a burden to everyone around me", CrisisKind.SelfHarm)]
    [InlineData("my family would honestly be happier without me", CrisisKind.SelfHarm)]
    [InlineData("It would be easier for all of them if I just wasn't around anymore", CrisisKind.SelfHarm)]
    [InlineData("i dont want to be alive without her", CrisisKind.SelfHarm)]
    [InlineData("life without him isn't worth it", CrisisKind.SelfHarm)]
    [InlineData("sometimes i think about stepping in front of a train", CrisisKind.SelfHarm)]
    [InlineData("I've been looking up painless ways to die", CrisisKind.SelfHarm)]
    [InlineData("how many sleeping pills would it take", CrisisKind.SelfHarm)]
    [InlineData("I want to end the pain for good", CrisisKind.SelfHarm)]
    [InlineData("I don't think I'll be around much longer", CrisisKind.SelfHarm)]
    [InlineData("i'm so done with life", CrisisKind.SelfHarm)]
    [InlineData("I keep thinking about not being here", CrisisKind.SelfHarm)]
    [InlineData("I wrote letters to my family tonight", CrisisKind.SelfHarm)]
    [InlineData("honestly i feel like ending it", CrisisKind.SelfHarm)]
    [InlineData("i keep imagining hurting him", CrisisKind.HarmToOthers)]
    [InlineData("im going to find her and she will regret it", CrisisKind.HarmToOthers)]
    [InlineData("I want to smash his new girlfriend's face in", CrisisKind.HarmToOthers)]
    [InlineData("spent the evening putting my affairs in order", CrisisKind.SelfHarm)]
    [InlineData("I left the spare key out for whoever finds me", CrisisKind.SelfHarm)]
    [InlineData("honestly id be relieved if i didnt wake up", CrisisKind.SelfHarm)]
    [InlineData("Every morning I wish I hadn't woken up", CrisisKind.SelfHarm)]
    [InlineData("I keep thinking I could sink under the water and just stay down there", CrisisKind.SelfHarm)]
    [InlineData("part of me is hoping the flu gets me this winter", CrisisKind.SelfHarm)]
    [InlineData("Nobody at work would care if I just stopped existing", CrisisKind.SelfHarm)]
    [InlineData("if there was an easy way out of life i would take it", CrisisKind.SelfHarm)]
    [InlineData("Make sure the dog goes to my sister when I'm dead", CrisisKind.SelfHarm)]
    [InlineData("I might just drive into the sea tonight", CrisisKind.SelfHarm)]
    public void Everyday_indirect_phrasings_are_a_crisis(string text, CrisisKind kind)
    {
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(kind, reading.Kind);
    }

    [Theory]
    [InlineData("She's so much happier without me, you can see it in her photos")]
    [InlineData("I nearly stepped in front of a bus because I was staring at my phone")]
    [InlineData("I don't want to be here at this party, can we go?")]
    [InlineData("i dont want to go on a date yet")]
    [InlineData("I'm so tired of waiting for him to text")]
    [InlineData("done with life admin for today, finally")]
    [InlineData("I hope I die of laughter at her wedding speech")]
    [InlineData("I'd never hurt myself, I'm just tired of crying")]
    [InlineData("How many tablets do I take for a migraine?")]
    [InlineData("Life isn't worth it without coffee")]
    [InlineData("I want to smash it at my interview tomorrow")]
    [InlineData("I feel like ending it with him, we are not good together")]
    [InlineData("Five years ago I attempted to end my life. Today I am a nurse, and it gets better.")]
    [InlineData("I will kill you if you tell anyone I cried at that advert lol")]
    [InlineData("Going to overdose on cheesy Christmas films this weekend")]
    [InlineData("I am taking the tablets the dentist gave me")]
    [InlineData("Sorting my affairs at work before the new job starts")]
    [InlineData("whoever finds me a decent plumber gets a cake")]
    [InlineData("I wish I hadn't woken up so early on a Saturday")]
    [InlineData("we're driving to the sea tomorrow with my sister")]
    [InlineData("When I'm dead tired I still check his stories")]
    [InlineData("This isn't a cry for help, I just need to rant about him")]
    [InlineData("I went under the water at the pool and stayed there for ages, new record")]
    public void Everyday_phrasings_close_to_those_are_left_alone(string text) =>
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
