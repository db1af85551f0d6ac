using Rekindle.Core.Content;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Tests.Content;

/// <summary>
/// The healing track's content: a plan of its own of at least a month, its own guides, and no contact worded as
/// protection. The choice between the tracks is made in one place, ProgramContent, from the track.
/// </summary>
public sealed class HealingTrackContentTests
{
    private static readonly ProgramContent Content = Load(ShippedContent.Files());

    /// <summary>Words that coach toward the relationship; none belongs in anything the healing track shows.</summary>
    private static readonly string[] ReconciliationWords =
    [
        "reach out", "reached out", "reaching out", "back together", "first message", "real chance", "win them back",
        "make them miss you", "try again", "rekindle",
    ];

    private static ProgramContent Load(Dictionary<string, string> files) => ContentLoader.Load(files.Select(f => new ContentFile(f.Key, f.Value)));

    private static ContentError Broken(Action<Dictionary<string, string>> change, string about)
    {
        var files = ShippedContent.Files();
        change(files);
        var errors = Assert.Throws<ContentException>(() => Load(files)).Errors;
        return errors.FirstOrDefault(e => e.Message.Contains(about, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No error about {about}: {string.Join("; ", errors)}");
    }

    private static void AssertNoReconciliationWords(string text, string where)
    {
        foreach (var words in ReconciliationWords)
        {
            Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{where} says \"{words}\".");
        }
    }

    [Fact]
    public void The_healing_plan_has_at_least_30_days_each_with_a_lesson_an_action_and_a_prompt()
    {
        var days = Content.HealingDays;
        Assert.True(days.Count >= ContentLoader.MinimumHealingDays);
        Assert.Equal(30, ContentLoader.MinimumHealingDays);
        Assert.Equal(Enumerable.Range(1, days.Count), days.Select(d => d.Day));
        Assert.Equal(days.Count, days.Select(d => d.Title).Distinct().Count());
        Assert.All(days, d =>
        {
            Assert.Equal(Phase.Heal, d.Phase);
            Assert.NotEmpty(d.Lesson);
            Assert.All(d.Lesson, p => Assert.False(string.IsNullOrWhiteSpace(p)));
            Assert.False(string.IsNullOrWhiteSpace(d.Action));
            Assert.False(string.IsNullOrWhiteSpace(d.Prompt));
        });
    }

    [Fact]
    public void The_healing_plan_covers_the_themes_of_the_month()
    {
        var topics = Content.HealingDays.Select(d => d.Topic).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in new[] { "protection", "safety-plan", "judgement", "support", "control", "grief", "sleep", "body", "money", "housing", "telling-people", "setbacks", "self-respect", "technology" })
        {
            Assert.Contains(topic, topics);
        }
    }

    [Fact]
    public void Nothing_on_the_healing_track_hints_at_getting_back_together()
    {
        foreach (var day in Content.HealingDays)
        {
            AssertNoReconciliationWords(string.Join(" ", day.Lesson.Append(day.Title).Append(day.Action).Append(day.Prompt)), $"healing day {day.Day}");
        }

        foreach (var guide in Content.Guides.Values.Where(g => g.Track == Track.Healing))
        {
            AssertNoReconciliationWords(string.Join(" ", guide.Paragraphs.Append(guide.Title)), $"the guide {guide.Id}");
        }

        foreach (var phase in Phases.All.Where(p => JourneyGuide.Access(p, "refused.reasons.safety-answer", decideClosed: true).Allowed))
        {
            var words = Content.PhaseFor(Track.Healing, phase);
            AssertNoReconciliationWords(string.Join(" ", words.Guidance.Concat(words.Donts).Append(words.Summary)), $"the {phase.Id()} phase on the healing track");
        }

        var strings = Content.StringsFor(Track.Healing);
        foreach (var key in strings.Values.Keys.Where(k => k.StartsWith("no-contact.", StringComparison.Ordinal) || k.StartsWith("contact-advice.", StringComparison.Ordinal) || k.StartsWith("initiator.", StringComparison.Ordinal)))
        {
            AssertNoReconciliationWords(strings[key], key);
        }
    }

    [Fact]
    public void The_plan_is_chosen_by_track_and_each_track_starts_over_its_own_way()
    {
        Assert.Equal(Track.Healing, Tracks.For(safetyPivot: true));
        Assert.Equal(Track.Reconciliation, Tracks.For(safetyPivot: false));
        Assert.Same(Content.HealingDays, Content.DaysFor(Track.Healing));
        Assert.Same(Content.Days, Content.DaysFor(Track.Reconciliation));
        Assert.Equal(Content.HealingDays[0], Content.Day(Track.Healing, 1));
        Assert.Equal(Content.Days[0], Content.Day(Track.Reconciliation, 1));
        Assert.Equal(Content.Days[7], Content.Day(8));
        var last = Content.HealingDays.Count;
        Assert.Equal(Content.HealingDays[^1], Content.Day(Track.Healing, last));
        Assert.Equal(Content.HealingDays[0], Content.Day(Track.Healing, last + 1));
        Assert.Equal(Content.HealingDays[4], Content.Day(Track.Healing, last * 2 + 5));
        Assert.Equal(Content.HealingDays[0], Content.Day(Track.Healing, 0));
    }

    [Fact]
    public void The_healing_track_has_its_own_guides_in_place_of_the_reconciliation_ones()
    {
        string[] required = ["healing-must-see-them", "healing-they-contact-you", "healing-threats", "technology-safety"];
        foreach (var id in required)
        {
            Assert.Equal(Track.Healing, Content.Guides[id].Track);
        }

        foreach (var phase in Phases.All)
        {
            var healing = Content.GuidesFor(Track.Healing, phase);
            Assert.All(healing, g => Assert.Equal(Track.Healing, g.Track));
            Assert.Superset(required.ToHashSet(), healing.Select(g => g.Id).ToHashSet());
            Assert.Equal(Content.Phases[phase].Guides, Content.GuidesFor(Track.Reconciliation, phase).Select(g => g.Id));
        }

        Assert.Equal("healing-must-see-them", Content.GuideFor(Track.Healing, "must-see-them")?.Id);
        Assert.Equal("healing-they-contact-you", Content.GuideFor(Track.Healing, "they-contact-you")?.Id);
        Assert.Equal("healing-missing-them", Content.GuideFor(Track.Healing, "dating-someone-else")?.Id);
        Assert.Equal("must-see-them", Content.GuideFor(Track.Reconciliation, "must-see-them")?.Id);
        Assert.Equal("technology-safety", Content.GuideFor(Track.Reconciliation, "technology-safety")?.Id);
        Assert.Null(Content.GuideFor(Track.Healing, "nothing-here"));

        var technology = string.Join(" ", Content.Guides["technology-safety"].Paragraphs);
        foreach (var subject in new[] { "passwords", "Location sharing", "Family plans", "Phones and devices", "Signs of tracking apps", "quietly", "more dangerous", "safe device", "advocate" })
        {
            Assert.Contains(subject, technology, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_contact_is_worded_as_protection_on_the_healing_track_only()
    {
        var healing = Content.StringsFor(Track.Healing);
        var main = Content.StringsFor(Track.Reconciliation);
        Assert.Same(Content.Strings, main);
        Assert.Contains("protection", healing["no-contact.start-lede"], StringComparison.Ordinal);
        Assert.DoesNotContain("protection", main["no-contact.start-lede"], StringComparison.Ordinal);
        Assert.Contains("honest look", main["no-contact.target-reached"], StringComparison.Ordinal);
        Assert.DoesNotContain("honest look", healing["no-contact.target-reached"], StringComparison.Ordinal);
        Assert.Equal(main["common.saved"], healing["common.saved"]);
        Assert.Contains("protection", Content.PhaseFor(Track.Healing, Phase.NoContact).Summary, StringComparison.Ordinal);
        Assert.Equal(Content.Phases[Phase.NoContact], Content.PhaseFor(Track.Reconciliation, Phase.NoContact));
        Assert.Equal(Content.Phases[Phase.NoContact].Title, Content.PhaseFor(Track.Healing, Phase.NoContact).Title);
    }

    [Fact]
    public void A_broken_healing_plan_or_guide_or_string_is_reported_with_its_file()
    {
        Assert.Equal("healing-days/day-07.md", Broken(files => files.Remove("healing-days/day-07.md"), "day 7 is missing").Path);
        Assert.Equal("healing-days/", Broken(files => files.Remove("healing-days/day-30.md"), "at least 30 days").Path);
        var noPrompt = Broken(files => files["healing-days/day-04.md"] = files["healing-days/day-04.md"].Replace("\nprompt:", "\nprompt_typo:", StringComparison.Ordinal), "\"prompt\" is missing");
        Assert.Equal("healing-days/day-04.md", noPrompt.Path);
        var noLesson = Broken(files => files["healing-days/day-05.md"] = files["healing-days/day-05.md"][..(files["healing-days/day-05.md"].LastIndexOf("---", StringComparison.Ordinal) + 4)], "no lesson");
        Assert.Equal("healing-days/day-05.md", noLesson.Path);
        Assert.Equal("guides/healing-threats.md", Broken(files => files["guides/healing-threats.md"] = files["guides/healing-threats.md"].Replace("track: healing", "track: mending", StringComparison.Ordinal), "unknown track").Path);
        Assert.Equal("guides/healing-missing-them.md", Broken(files => files.Remove("guides/cant-stop-thinking.md"), "stands in for \"cant-stop-thinking\"").Path);
        Assert.Equal("program/phases.yaml", Broken(files => files["program/phases.yaml"] = files["program/phases.yaml"].Replace("healing-threats, technology-safety", "healing-threats, must-see-them", StringComparison.Ordinal), "not a healing guide").Path);
        Assert.Equal(ContentLoader.StringsFile, Broken(files => files[ContentLoader.StringsFile] = files[ContentLoader.StringsFile].Replace("    start-heading: Keep your distance", "    start-headline: Keep your distance", StringComparison.Ordinal), "no string \"no-contact.start-headline\"").Path);
        Assert.Equal(ContentLoader.StringsFile, Broken(files => files[ContentLoader.StringsFile] = files[ContentLoader.StringsFile].Replace("\"{percent}% of your first {target}-day stretch\"", "\"{percent}% of your first stretch\"", StringComparison.Ordinal), "same holes").Path);
    }
}
