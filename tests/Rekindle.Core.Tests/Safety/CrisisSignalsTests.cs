using Rekindle.Core.Coach;
using Rekindle.Core.Safety;

namespace Rekindle.Core.Tests.Safety;

/// <summary>Whose words a finding is in, and when a worry comes with a plan or a means.</summary>
public sealed class CrisisSignalsTests
{
    private static CrisisReading Read(string text) => CrisisReader.RulesOnly.Read(text);

    [Theory]
    [InlineData("He texted me: if you leave me I will kill myself", CrisisKind.ExSelfHarm)]
    [InlineData("she said if you don't come back I'll end it all", CrisisKind.ExSelfHarm)]
    [InlineData("my ex wrote \"I'm going to end my life tonight\"", CrisisKind.ExSelfHarm)]
    [InlineData("He said 'I will hurt you if you leave'", CrisisKind.Threatened)]
    [InlineData("my ex told me i'd better watch my back", CrisisKind.Threatened)]
    [InlineData("he keeps saying I'll regret leaving him", CrisisKind.Threatened)]
    [InlineData("he sent me a text saying: I know where you live", CrisisKind.Threatened)]
    public void The_exs_quoted_words_are_read_as_the_exs(string text, CrisisKind kind)
    {
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(kind, reading.Kind);
    }

    [Theory]
    [InlineData("my ex said I'm worthless, I want to die")]
    [InlineData("he told me you'll never find anyone better, I want to die")]
    [InlineData("He said 'fine' and I want to die")]
    [InlineData("She texted me happy birthday. I want to kill myself.")]
    [InlineData("my ex left and I want to die")]
    [InlineData("since she left I want to die")]
    [InlineData("he is gone and I wanna die")]
    [InlineData("if you don't come back I'll end it all")]
    [InlineData("if he doesn't answer tonight I'm going to end my life")]
    public void The_writers_own_words_after_someone_elses_stay_the_writers(string text)
    {
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(CrisisKind.SelfHarm, reading.Kind);
    }

    [Theory]
    [InlineData("My aunt attempted suicide when she was younger, she's a counsellor now")]
    [InlineData("my best friend attempted suicide in college")]
    [InlineData("Our neighbour overdosed years ago and the whole street still talks about it")]
    public void Someone_elses_past_is_not_the_writers_crisis(string text) =>
        Assert.Equal(CrisisLevel.None, Read(text).Level);

    [Theory]
    [InlineData("my mum found my suicide note last year and I still think about it")]
    [InlineData("My sister found me after I overdosed last night")]
    public void The_writers_own_past_told_through_someone_else_still_counts(string text) =>
        Assert.Equal(CrisisLevel.Crisis, Read(text).Level);

    [Theory]
    [InlineData("I bought a knife today and I keep thinking about his face", CrisisKind.HarmToOthers, true)]
    [InlineData("one more lie from her and I'll snap her neck", CrisisKind.HarmToOthers, true)]
    [InlineData("I've got it all planned out, nobody will have to deal with me after friday", CrisisKind.SelfHarm, true)]
    [InlineData("there's enough in the bathroom cabinet and I've been counting", CrisisKind.SelfHarm, true)]
    [InlineData("I feel empty and tired of everything", CrisisKind.SelfHarm, false)]
    [InlineData("I wrote a goodbye letter to the relationship and burned it", CrisisKind.SelfHarm, false)]
    [InlineData("his face when he saw the cake was priceless", CrisisKind.SelfHarm, false)]
    [InlineData("I could strangle my brother for telling mom", CrisisKind.HarmToOthers, false)]
    public void A_plan_or_a_means_is_noticed(string text, CrisisKind kind, bool expected) =>
        Assert.Equal(expected, CrisisSignals.HasPlanOrMeans(NormalizedText.From(text).Text, kind));
    [Theory]
    [InlineData("Seven nights in a row now I've done something to my arms.", CrisisKind.SelfHarm)]
    [InlineData("was sick of feeling nothing so i burned my wrist on the straighteners on purpose", CrisisKind.SelfHarm)]
    [InlineData("Nobody knows it's my last week.", CrisisKind.SelfHarm)]
    [InlineData("everyone says im strong but im planning to die", CrisisKind.SelfHarm)]
    [InlineData("i feel like a burdan to every1", CrisisKind.SelfHarm)]
    [InlineData("i'd rather die than live without her", CrisisKind.SelfHarm)]
    [InlineData("ive told him if he dates anyone from our friend group ill break his legs", CrisisKind.HarmToOthers)]
    [InlineData("I'm going to make sure he leaves in an ambulance", CrisisKind.HarmToOthers)]
    [InlineData("gonna wait for him after his five a side, hes got it coming", CrisisKind.HarmToOthers)]
    [InlineData("his mates think its funny. they wont when i catch him alone", CrisisKind.HarmToOthers)]
    public void Everyday_ways_of_saying_it_are_a_crisis(string text, CrisisKind kind)
    {
        var reading = Read(text);
        Assert.Equal(CrisisLevel.Crisis, reading.Level);
        Assert.Equal(kind, reading.Kind);
    }

    [Theory]
    [InlineData("this is my last week at work before the new job")]
    [InlineData("Today was my last day in the office, cake and a card")]
    [InlineData("I hit my elbow on the door, not on purpose obviously")]
    [InlineData("break a leg at the audition tomorrow!")]
    [InlineData("I want to catch him alone to talk about the dog")]
    [InlineData("the hill I'm ready to die on is pineapple on pizza")]
    [InlineData("I did something to my back at the gym")]
    [InlineData("I'd rather die than text him first")]
    [InlineData("that song about ending it all has been stuck in my head")]
    [InlineData("I'd rather be dead than be seen in that jumper")]
    public void Their_near_misses_are_not(string text) =>
        Assert.NotEqual(CrisisLevel.Crisis, Read(text).Level);
}
