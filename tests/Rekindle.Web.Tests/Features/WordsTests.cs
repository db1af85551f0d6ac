using Microsoft.Extensions.Configuration;
using Rekindle.Core.Content;
using Rekindle.Core.ExMessages;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Web.Content;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Features.Urges;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Every value the engine can produce has its words in the shipped strings.yaml; one without words fails loudly.</summary>
public sealed class WordsTests
{
    private static readonly PageStrings Strings = ContentFiles.Load(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Rekindle:ContentDirectory"] = Path.Combine(Repository.Root, "content") })
        .Build()).Strings;

    private static void EachHasWords<T>(Func<T, string> words)
        where T : struct, Enum
    {
        var seen = Enum.GetValues<T>().Select(value => (value, text: words(value))).ToList();
        Assert.All(seen, s => Assert.False(string.IsNullOrWhiteSpace(s.text), $"{typeof(T).Name}.{s.value} has no words"));
    }

    [Fact]
    public void Every_label_and_piece_of_advice_comes_from_strings_yaml()
    {
        EachHasWords<ContactInitiator>(v => v.Label(Strings));
        EachHasWords<WhoEnded>(v => v.Label(Strings));
        EachHasWords<BreakupKind>(v => v.Label(Strings));
        EachHasWords<UrgeAlternative>(v => v.Label(Strings));
        EachHasWords<ContactAdvice>(v => string.Join(" ", v.Describe(Strings)));
        EachHasWords<Substance>(v => string.Join(" ", v.Describe(Strings)));
        EachHasWords<ExMessageAdvice>(v => string.Join(" ", v.Describe(Strings)));
        EachHasWords<NextStep>(v => v.Describe(Strings) is var (title, body, _, action) ? $"{title} {body} {action}" : "");
        Assert.Equal(Enum.GetValues<NextStep>().Length, Enum.GetValues<NextStep>().Select(v => v.Describe(Strings).Title).Distinct().Count());
        Assert.Equal("Tell us what happened", NextStep.DescribeSituation.Describe(Strings).Title);
        Assert.Equal("/situation", NextStep.DescribeSituation.Describe(Strings).Href);
    }

    [Fact]
    public void Every_point_the_judge_can_make_about_their_message_has_words()
    {
        bool?[] answers = [true, false];
        var keys = (from a in answers from b in answers from c in answers from d in answers from e in answers from f in answers
                    select ExMessageJudge.Judge(new ExMessageAnswers(a, b, c, null, d, e, f), Phase.NoContact, safetyPivot: false))
            .SelectMany(j => j.Points).Select(p => p.Key).Distinct().ToList();
        Assert.Equal(12, keys.Count);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(Words.DescribePoint(key, Strings))));
        Assert.Throws<ArgumentOutOfRangeException>(() => Words.DescribePoint("not-a-point", Strings));
    }

    [Fact]
    public void A_value_without_words_throws_instead_of_showing_its_csharp_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((NextStep)999).Describe(Strings));
}
