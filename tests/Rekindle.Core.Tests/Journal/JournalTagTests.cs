using Rekindle.Core.Journal;

namespace Rekindle.Core.Tests.Journal;

/// <summary>Tags are the person's own words: any script, emoji included; punctuation still splits or is refused.</summary>
public sealed class JournalTagTests
{
    [Theory]
    [InlineData("💔", "💔")]
    [InlineData("sleep 😴, walks", "sleep 😴|walks")]
    [InlineData("👍🏽 good day", "👍🏽 good day")]
    [InlineData("👨‍👩‍👧", "👨‍👩‍👧")]
    [InlineData("❤️", "❤️")]
    [InlineData("🇬🇧", "🇬🇧")]
    [InlineData("שינה, نوم", "שינה|نوم")]
    [InlineData("नींद", "नींद")]
    [InlineData("Friends , friends", "friends")]
    public void Letters_of_any_script_and_emoji_are_tags(string text, string expected)
    {
        var (tags, error) = JournalRules.ParseTags(text);
        Assert.Null(error);
        Assert.Equal(expected.Split('|'), tags);
    }

    [Theory]
    [InlineData("<script>")]
    [InlineData("a/b")]
    [InlineData("tab\there")]
    [InlineData("why?")]
    public void Punctuation_and_control_characters_are_refused(string text)
    {
        var (tags, error) = JournalRules.ParseTags(text);
        Assert.Empty(tags);
        Assert.Equal(JournalRules.Messages.TagCharacters, error);
    }
}
