using Rekindle.Web.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Rekindle.Web.Features.Journal;

/// <summary>The journal prompt of each program day, read from the day files under content/.</summary>
public sealed class DailyPrompts
{
    private readonly IReadOnlyDictionary<int, string> prompts;

    private DailyPrompts(IReadOnlyDictionary<int, string> prompts) => this.prompts = prompts;

    public int Days => prompts.Count;

    public static DailyPrompts Load(string daysFolder)
    {
        var prompts = new SortedDictionary<int, string>();
        foreach (var file in Directory.EnumerateFiles(daysFolder, "day-*.md"))
        {
            var text = File.ReadAllText(file);
            var parts = text.Split("---", 3);
            if (parts.Length < 3)
            {
                throw new InvalidOperationException($"{file}: the front matter between --- lines is missing.");
            }

            var yaml = new YamlStream();
            yaml.Load(new StringReader(parts[1]));
            var map = (YamlMappingNode)yaml.Documents[0].RootNode;
            var day = int.Parse(((YamlScalarNode)map.Children[new YamlScalarNode("day")]).Value!, System.Globalization.CultureInfo.InvariantCulture);
            prompts[day] = ((YamlScalarNode)map.Children[new YamlScalarNode("prompt")]).Value!;
        }

        return prompts.Count == 0 ? throw new InvalidOperationException($"{daysFolder}: no day files.") : new DailyPrompts(prompts);
    }

    public static DailyPrompts FromContent(IConfiguration configuration) =>
        Load(Path.Combine(ContentPaths.Root(configuration), "en", "days"));

    /// <summary>The prompt for program day <paramref name="day"/> (1-based); after the last day the prompts come round again.</summary>
    public (int Day, string Prompt) For(int day)
    {
        var keys = prompts.Keys.ToList();
        var index = (Math.Max(day, 1) - 1) % keys.Count;
        return (keys[index], prompts[keys[index]]);
    }
}
