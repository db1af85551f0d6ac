using Rekindle.Core.Coach;

namespace Rekindle.Core.Tests.Coach;

/// <summary>A polite practical request keeps its "please" without being read as pleading.</summary>
public sealed class PracticalRequestTests
{
    [Theory]
    [InlineData("Please leave them there.", true)]
    [InlineData("Please drop the keys with my neighbour on Friday.", true)]
    [InlineData("Please answer me.", false)]
    [InlineData("please give us one more chance", false)]
    [InlineData("Please, I need you.", false)]
    [InlineData("pls can we talk?", false)]
    [InlineData("I'll collect my books on Saturday.", false)]
    public void Only_a_plain_practical_request_counts(string sentence, bool practical) =>
        Assert.Equal(practical, DraftCoach.IsPracticalRequest(sentence));
}
