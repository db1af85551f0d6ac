using Rekindle.Core.Content;
using Rekindle.Core.SafetyPlan;
using Rekindle.Core.Tests.Content;

namespace Rekindle.Core.Tests.SafetyPlan;

public sealed class SafetyPlanRulesTests
{
    private static SafetyPlanValidation Validate(IReadOnlyList<string?>? warningSigns = null, IReadOnlyList<string?>? people = null) =>
        SafetyPlanRules.Validate(warningSigns, null, null, people, null, null, null);

    [Fact]
    public void Items_are_trimmed_and_blank_ones_dropped()
    {
        var result = Validate(["  walking late at night ", "", "   ", null, "skipping meals"]);
        Assert.True(result.IsValid);
        Assert.Equal(["walking late at night", "skipping meals"], result.Value!.WarningSigns);
        Assert.Empty(result.Value.People);
    }

    [Fact]
    public void Twenty_items_are_allowed_and_twenty_one_are_not()
    {
        Assert.True(Validate(Enumerable.Range(1, SafetyPlanRules.MaxItems).Select(i => $"sign {i}").ToList()).IsValid);
        var tooMany = Validate(Enumerable.Range(1, SafetyPlanRules.MaxItems + 1).Select(i => $"sign {i}").ToList());
        Assert.False(tooMany.IsValid);
        Assert.Equal([nameof(SafetyPlanContent.WarningSigns)], tooMany.Errors.Keys);
        Assert.Contains("21", tooMany.Errors[nameof(SafetyPlanContent.WarningSigns)], StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_may_be_two_hundred_characters_as_a_reader_counts_them()
    {
        Assert.True(Validate(people: [new string('a', SafetyPlanRules.MaxItemLength)]).IsValid);
        Assert.True(Validate(people: [string.Concat(Enumerable.Repeat("🌱", SafetyPlanRules.MaxItemLength))]).IsValid);
        var tooLong = Validate(people: ["ok", new string('a', SafetyPlanRules.MaxItemLength + 1)]);
        Assert.Equal(SafetyPlanRules.Messages.TooLong(2), tooLong.Errors[nameof(SafetyPlanContent.People)]);
    }

    [Fact]
    public void Control_characters_and_broken_surrogates_are_refused()
    {
        Assert.Equal(SafetyPlanRules.Messages.Characters, Validate(["two\nlines"]).Errors[nameof(SafetyPlanContent.WarningSigns)]);
        Assert.Equal(SafetyPlanRules.Messages.Characters, Validate(["half \uD83C"]).Errors[nameof(SafetyPlanContent.WarningSigns)]);
    }

    [Fact]
    public void Lines_splits_a_textarea_one_item_per_line()
    {
        Assert.Equal(["one", "two", "three"], SafetyPlanRules.Lines("one\r\n\r\n  two  \nthree\n"));
        Assert.Empty(SafetyPlanRules.Lines(null));
    }

    [Fact]
    public void Every_section_is_listed_once_in_order()
    {
        Assert.Equal(
            ["WarningSigns", "CopingSteps", "Distractions", "People", "Professionals", "SafeEnvironment", "ReasonsForLiving"],
            SafetyPlanRules.Sections.Select(s => s.Field));
        Assert.True(SafetyPlanContent.Empty.IsEmpty);
    }

    [Fact]
    public void Every_section_has_a_title_an_explanation_and_an_example_in_strings_yaml()
    {
        var strings = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value))).Strings;
        foreach (var section in SafetyPlanRules.Sections)
        {
            foreach (var part in new[] { "title", "about", "example" })
            {
                Assert.False(string.IsNullOrWhiteSpace(strings[$"{section.Strings}.{part}"]), $"{section.Strings}.{part}");
            }
        }
    }
}
