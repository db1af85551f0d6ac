using Rekindle.Core.TalkPrep;

namespace Rekindle.Core.Tests.TalkPrep;

public class TalkPrepRulesTests
{
    [Fact]
    public void A_new_worksheet_starts_from_your_part_and_what_changed_in_the_inventory()
    {
        var content = TalkPrepRules.Prefill(new Dictionary<string, string>
        {
            ["my-part"] = "  I went quiet when it got hard. ",
            ["changed"] = "I talk it through now; my sister noticed.",
            ["their-part"] = "They worked late.",
            ["patterns"] = "Money, every month.",
        });
        Assert.Equal(new TalkPrepContent("I went quiet when it got hard.", "I talk it through now; my sister noticed.", "", "", ""), content);
        Assert.True(TalkPrepRules.Prefill(new Dictionary<string, string>()).IsEmpty);
    }

    [Fact]
    public void Each_part_is_trimmed_keeps_its_lines_and_has_a_size()
    {
        var (content, tooLong) = TalkPrepRules.Clean(" one\r\ntwo ", null, "", new string('a', TalkPrepRules.MaxLength), new string('b', TalkPrepRules.MaxLength + 1));
        Assert.Equal("one\ntwo", content.Own);
        Assert.Equal("", content.Changed);
        Assert.Equal(["WalkAway"], tooLong);
        Assert.Equal(["own", "changed", "want", "ask", "walk-away"], TalkPrepRules.Sections.Select(s => s.Key));
    }
}
