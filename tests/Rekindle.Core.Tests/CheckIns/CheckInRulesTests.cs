using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Tests.CheckIns;

public class CheckInRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    [Fact]
    public void A_complete_check_in_is_valid_and_comes_back_cleaned()
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, mood: 7, urges: 2, strongest: 6, word: "  calm   but\ttired \n"), Today);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Value);
        Assert.Equal("calm but tired", result.Value.Word);
        Assert.Equal(6, result.Value.StrongestUrge);
        Assert.Equal(7, result.Value.Mood);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public void Mood_outside_one_to_ten_is_rejected_kindly(int mood)
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, mood: mood), Today);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal("Mood goes from 1 to 10.", Assert.Single(result.Errors, e => e.Key == CheckInFields.Mood).Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Mood_edges_are_accepted(int mood) =>
        Assert.True(CheckInRules.Validate(Make.CheckIn(Today, mood: mood), Today).IsValid);

    [Theory]
    [InlineData("0", true, null)]
    [InlineData("24", true, null)]
    [InlineData("7.5", true, null)]
    [InlineData("7.50", true, null)]
    [InlineData("-0.5", false, CheckInRules.Messages.SleepRange)]
    [InlineData("24.5", false, CheckInRules.Messages.SleepRange)]
    [InlineData("7.25", false, CheckInRules.Messages.SleepStep)]
    [InlineData("6.1", false, CheckInRules.Messages.SleepStep)]
    public void Sleep_is_zero_to_twenty_four_hours_in_half_hours(string hours, bool valid, string? message)
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, sleep: decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)), Today);
        Assert.Equal(valid, result.IsValid);
        if (message is not null)
        {
            Assert.Equal(message, result.Errors[CheckInFields.SleepHours]);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Urge_count_outside_zero_to_ninety_nine_is_rejected(int count)
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, urges: count, strongest: 5), Today);
        Assert.Equal(CheckInRules.Messages.UrgeCount, result.Errors[CheckInFields.UrgeCount]);
        Assert.False(result.Errors.ContainsKey(CheckInFields.StrongestUrge));
    }

    [Fact]
    public void Urges_need_their_strongest_one()
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, urges: 3, strongest: null), Today);
        Assert.Equal(CheckInRules.Messages.StrongestUrgeMissing, result.Errors[CheckInFields.StrongestUrge]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Strongest_urge_is_one_to_ten(int strongest)
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, urges: 1, strongest: strongest), Today);
        Assert.Equal(CheckInRules.Messages.StrongestUrgeRange, result.Errors[CheckInFields.StrongestUrge]);
    }

    [Fact]
    public void Without_urges_a_leftover_strength_is_dropped()
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, urges: 0, strongest: 9), Today);
        Assert.True(result.IsValid);
        Assert.Null(result.Value!.StrongestUrge);
    }

    [Fact]
    public void A_future_day_is_rejected_and_today_is_fine()
    {
        Assert.Equal(CheckInRules.Messages.DateInFuture, CheckInRules.Validate(Make.CheckIn(Today.AddDays(1)), Today).Errors[CheckInFields.Date]);
        Assert.True(CheckInRules.Validate(Make.CheckIn(Today), Today).IsValid);
    }

    [Fact]
    public void Three_years_back_is_the_limit()
    {
        var earliest = CheckInRules.EarliestDate(Today);
        Assert.Equal(new DateOnly(2023, 11, 1), earliest);
        Assert.True(CheckInRules.Validate(Make.CheckIn(earliest), Today).IsValid);
        Assert.Equal(CheckInRules.Messages.DateTooOld, CheckInRules.Validate(Make.CheckIn(earliest.AddDays(-1)), Today).Errors[CheckInFields.Date]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = CheckInRules.Validate(new CheckIn(Today.AddDays(2), 12, 30m, true, true, 4, null, false, new string('a', 41)), Today);
        string[] expected = [CheckInFields.Date, CheckInFields.Mood, CheckInFields.SleepHours, CheckInFields.StrongestUrge, CheckInFields.Word];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   \t\n ", null)]
    [InlineData(" hopeful ", "hopeful")]
    [InlineData("one\r\nstep  at a   time", "one step at a time")]
    public void The_word_is_trimmed_and_spaces_folded(string? input, string? expected) =>
        Assert.Equal(expected, CheckInRules.NormalizeWord(input));

    [Fact]
    public void The_word_may_have_forty_characters_as_people_count_them()
    {
        Assert.True(CheckInRules.Validate(Make.CheckIn(Today, word: new string('x', 40)), Today).IsValid);
        Assert.Equal(CheckInRules.Messages.WordTooLong, CheckInRules.Validate(Make.CheckIn(Today, word: new string('x', 41)), Today).Errors[CheckInFields.Word]);

        // A family emoji is several code points but one character to the reader.
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.True(CheckInRules.Validate(Make.CheckIn(Today, word: string.Concat(Enumerable.Repeat(family, 14))), Today).IsValid);
        Assert.Equal(CheckInRules.Messages.WordTooLong, CheckInRules.Validate(Make.CheckIn(Today, word: string.Concat(Enumerable.Repeat(family, 41))), Today).Errors[CheckInFields.Word]);
    }

    [Fact]
    public void Control_characters_and_broken_text_are_rejected()
    {
        // Built in code: a lone surrogate would not survive test-case serialisation.
        foreach (var word in new[] { "bad" + (char)7 + "bell", "half" + (char)0xD83D + "surrogate", (char)0xDC00 + "low" })
        {
            Assert.Equal(CheckInRules.Messages.WordCharacters, CheckInRules.Validate(Make.CheckIn(Today, word: word), Today).Errors[CheckInFields.Word]);
        }
    }

    [Fact]
    public void Today_is_the_users_own_today()
    {
        // 23:30 UTC on Nov 1: already Nov 2 on Kiritimati (UTC+14), still Nov 1 in New York.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero));
        var nov2 = Make.CheckIn(new DateOnly(2026, 11, 2));
        Assert.True(CheckInRules.Validate(nov2, clock, Make.Zone("Pacific/Kiritimati")).IsValid);
        Assert.Equal(CheckInRules.Messages.DateInFuture, CheckInRules.Validate(nov2, clock, Make.Zone("America/New_York")).Errors[CheckInFields.Date]);
        Assert.True(CheckInRules.IsEditable(new DateOnly(2026, 11, 2), clock, Make.Zone("Pacific/Kiritimati")));
        Assert.False(CheckInRules.IsEditable(new DateOnly(2026, 11, 2), clock, Make.Zone("America/New_York")));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(-1, true)]
    [InlineData(-1096, true)]
    [InlineData(-1097, false)]
    public void Editable_days_run_from_three_years_back_to_today(int offset, bool editable) =>
        Assert.Equal(editable, CheckInRules.IsEditable(Today.AddDays(offset), Today));

    [Fact]
    public void Saving_a_day_again_replaces_it()
    {
        var first = Make.CheckIn(Today.AddDays(-1), mood: 3);
        var today = Make.CheckIn(Today, mood: 4);
        var edited = Make.CheckIn(Today.AddDays(-1), mood: 8);

        var list = CheckInRules.Upsert(CheckInRules.Upsert([today], first), edited);

        Assert.Equal(2, list.Count);
        Assert.Equal([8, 4], list.Select(c => c.Mood));
    }

    [Property]
    public Property Any_in_range_check_in_is_valid()
    {
        var gen =
            from back in Gen.Choose(0, 1000)
            from mood in Gen.Choose(1, 10)
            from halfHours in Gen.Choose(0, 48)
            from urges in Gen.Choose(0, 99)
            from strength in Gen.Choose(1, 10)
            select new CheckIn(Today.AddDays(-back), mood, halfHours / 2m, true, false, urges, urges > 0 ? strength : null, false, "fine");
        return Prop.ForAll(gen.ToArbitrary(), c => CheckInRules.Validate(c, Today).IsValid);
    }

    [Property]
    public Property A_mood_outside_the_scale_is_always_flagged(int mood)
    {
        var result = CheckInRules.Validate(Make.CheckIn(Today, mood: mood), Today);
        return (result.Errors.ContainsKey(CheckInFields.Mood) == mood is < 1 or > 10).ToProperty();
    }
}
