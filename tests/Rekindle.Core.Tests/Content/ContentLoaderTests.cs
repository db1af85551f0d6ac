using Rekindle.Core.Content;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Tests.Content;

/// <summary>The shipped content loads; each kind of broken file is reported with its file and line.</summary>
public sealed class ContentLoaderTests
{
    private static Dictionary<string, string> Shipped() => ShippedContent.Files();

    private static ProgramContent Load(Dictionary<string, string> files) => ContentLoader.Load(files.Select(f => new ContentFile(f.Key, f.Value)));

    /// <summary>Loads the shipped content with one change and returns the first error about <paramref name="about"/>.</summary>
    private static ContentError Broken(Action<Dictionary<string, string>> change, string about)
    {
        var files = Shipped();
        change(files);
        var errors = Assert.Throws<ContentException>(() => Load(files)).Errors;
        return errors.FirstOrDefault(e => e.Message.Contains(about, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No error about {about}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_shipped_content_loads_with_every_phase_and_at_least_45_days()
    {
        var content = Load(Shipped());
        Assert.Equal(Phases.All.Count, content.Phases.Count);
        Assert.True(content.Days.Count >= 45);
        Assert.All(content.Days, d => Assert.False(string.IsNullOrWhiteSpace(d.Prompt)));
        Assert.Equal(45, content.Days.Select(d => d.Title).Take(45).Distinct().Count());
        Assert.True(content.Guides.Count >= 4);
        Assert.Equal(8, content.Inventory.Causes.Count);
        Assert.Equal(7, content.Decide.Questions.Count);
        Assert.Contains(content.Decide.RedFlags, f => f.Id == "abuse" && f.Flag);
        Assert.Equal(ContentLoader.StageIds, content.Stages.Select(s => s.Id));
        Assert.Equal(content.Days[^1], content.Day(content.Days.Count));
        Assert.Equal(Phase.Focus, content.Day(content.Days.Count + 1).Phase);
    }

    [Fact]
    public void An_unknown_phase_names_the_file_and_line()
    {
        var error = Broken(files => files["program/phases.yaml"] = files["program/phases.yaml"].Replace("id: talk", "id: chat", StringComparison.Ordinal), "chat");
        Assert.Equal("program/phases.yaml", error.Path);
        Assert.Contains("unknown phase \"chat\"", error.Message, StringComparison.Ordinal);
        var line = File.ReadAllLines(Path.Combine(ShippedContent.Root, "program", "phases.yaml")).ToList().FindIndex(l => l.Contains("id: talk", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var error = Broken(files => files["days/day-07.md"] = files["days/day-07.md"].Replace("\nprompt:", "\nprompt_typo:", StringComparison.Ordinal), "prompt");
        Assert.Equal("days/day-07.md", error.Path);
        Assert.Contains("\"prompt\" is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_broken_reference_is_reported()
    {
        var error = Broken(files => files.Remove("guides/must-see-them.md"), "must-see-them");
        Assert.Equal("program/phases.yaml", error.Path);
        Assert.Contains("must-see-them", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Invalid_yaml_reports_where_it_broke()
    {
        var error = Broken(files => files["program/stages.yaml"] = files["program/stages.yaml"].Replace("  - id: call", "  - id: [call", StringComparison.Ordinal), "YAML");
        Assert.Equal("program/stages.yaml", error.Path);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_reported()
    {
        var error = Broken(files => files["program/assessments.yaml"] = files["program/assessments.yaml"].Replace("{ id: single,", "{ id: past,", StringComparison.Ordinal), "twice");
        Assert.Contains("\"past\" appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_day_or_file_or_required_id_is_reported()
    {
        Assert.Equal("days/day-12.md", Broken(files => files.Remove("days/day-12.md"), "day 12 is missing").Path);
        Assert.Equal("program/healing.yaml", Broken(files => files.Remove("program/healing.yaml"), "this file is missing").Path);
        Assert.Equal("program/assessments.yaml", Broken(files => files["program/assessments.yaml"] = files["program/assessments.yaml"].Replace("okay-if-no", "ok-if-no", StringComparison.Ordinal), "\"okay-if-no\"").Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var files = Shipped();
        files["days/day-03.md"] = "no front matter here";
        files["program/phases.yaml"] = files["program/phases.yaml"].Replace("id: heal", "id: mend", StringComparison.Ordinal);
        var errors = Assert.Throws<ContentException>(() => Load(files)).Errors;
        Assert.Contains(errors, e => e.Path == "days/day-03.md");
        Assert.Contains(errors, e => e.Path == "program/phases.yaml" && e.Message.Contains("mend", StringComparison.Ordinal));
    }
}
