using System.Globalization;
using Rekindle.Core.Journey;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rekindle.Core.Content;

/// <summary>A content file as text, with its path relative to the content folder (for messages).</summary>
public sealed record ContentFile(string Path, string Text);

/// <summary>What is wrong with a content file, and where, so whoever edits it can fix it without reading C#.</summary>
public sealed record ContentError(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

public sealed class ContentException(IReadOnlyList<ContentError> errors)
    : Exception("The program's content has problems:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}

/// <summary>
/// Reads the program's words from YAML and Markdown with front matter and checks them: every field present,
/// every phase known, every reference resolving, no id twice. All problems are reported at once, each with
/// its file and line.
/// </summary>
public static partial class ContentLoader
{
    public const string PhasesFile = "program/phases.yaml";
    public const string AssessmentsFile = "program/assessments.yaml";
    public const string StagesFile = "program/stages.yaml";
    public const string HealingFile = "program/healing.yaml";
    public const string StringsFile = "strings.yaml";

    /// <summary>Ids the engine relies on: content may reword them, not remove them.</summary>
    public static readonly string[] ReadinessIds = ["target", "pursue", "inventory", "steady", "confident", "okay-if-no", "respect", "resentment"];
    public static readonly string[] StageIds = ["first-message", "light-talk", "call", "casual-meeting", "date", "the-talk", "outcome"];
    public static readonly string[] SeriousRedFlags = ["abuse", "unchanged-cheating"];

    public const string DaysFolder = "days/";
    public const string HealingDaysFolder = "healing-days/";

    public const int MinimumDays = 45;

    /// <summary>The healing track's own plan: at least a month.</summary>
    public const int MinimumHealingDays = 30;

    public static ProgramContent Load(IEnumerable<ContentFile> files)
    {
        var byPath = files.ToDictionary(f => f.Path.Replace('\\', '/'), StringComparer.Ordinal);
        var errors = new List<ContentError>();
        var reader = new Reader(errors);

        var phasesRoot = reader.Root(byPath, PhasesFile);
        var assessments = reader.Root(byPath, AssessmentsFile);
        var stagesRoot = reader.Root(byPath, StagesFile);
        var healing = reader.Root(byPath, HealingFile);

        var guides = new Dictionary<string, GuideContent>(StringComparer.Ordinal);
        foreach (var file in byPath.Values.Where(f => f.Path.StartsWith("guides/", StringComparison.Ordinal) && f.Path.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (reader.FrontMatter(file) is not var (map, body) || map is null)
            {
                continue;
            }

            var id = reader.Text(file.Path, map, "id");
            var title = reader.Text(file.Path, map, "title");
            if (id is null || title is null)
            {
                continue;
            }

            var track = Track.Reconciliation;
            if (reader.OptionalText(file.Path, map, "track") is { } trackText && !Tracks.TryParse(trackText, out track))
            {
                errors.Add(new(file.Path, reader.Line(map), $"unknown track \"{trackText}\": use healing, or leave the field out for the main program."));
                continue;
            }

            var insteadOf = reader.Strings(file.Path, map, "instead-of", required: false);
            if (insteadOf.Count > 0 && track != Track.Healing)
            {
                errors.Add(new(file.Path, reader.Line(map), "only a healing guide (track: healing) can stand in for another guide with \"instead-of\"."));
            }

            if (!guides.TryAdd(id, new GuideContent(id, title, Paragraphs(body), track, insteadOf)))
            {
                errors.Add(new(file.Path, reader.Line(map), $"the guide id \"{id}\" is used by another guide too."));
            }
        }


        var phases = new Dictionary<Phase, PhaseContent>();
        var healingPhases = new Dictionary<Phase, PhaseContent>();
        if (phasesRoot is { } pr)
        {
            foreach (var item in reader.List(PhasesFile, pr, "phases"))
            {
                var id = reader.Text(PhasesFile, item, "id");
                if (id is null)
                {
                    continue;
                }

                if (!Phases.TryParse(id, out var phase))
                {
                    errors.Add(new(PhasesFile, reader.Line(item), $"unknown phase \"{id}\". Known phases: {string.Join(", ", Phases.All.Select(p => p.Id()))}."));
                    continue;
                }

                var guideRefs = reader.Strings(PhasesFile, item, "guides", required: false);
                foreach (var reference in guideRefs.Where(r => !guides.ContainsKey(r)))
                {
                    errors.Add(new(PhasesFile, reader.Line(item), $"phase \"{id}\" links to the guide \"{reference}\", but there is no guides/{reference}.md with that id."));
                }

                var content = new PhaseContent(phase, reader.Text(PhasesFile, item, "title") ?? "", reader.Text(PhasesFile, item, "summary") ?? "",
                    reader.Strings(PhasesFile, item, "guidance"), reader.Strings(PhasesFile, item, "donts"), guideRefs);
                if (!phases.TryAdd(phase, content))
                {
                    errors.Add(new(PhasesFile, reader.Line(item), $"the phase \"{id}\" appears twice."));
                }
                else if (item.Children.ContainsKey(new YamlScalarNode("healing")) && reader.Map(PhasesFile, item, "healing") is { } healingWords)
                {
                    // The same phase in the healing track's words: the summary, what helps and what to avoid.
                    healingPhases[phase] = content with
                    {
                        Summary = reader.Text(PhasesFile, healingWords, "summary") ?? "",
                        Guidance = reader.Strings(PhasesFile, healingWords, "guidance"),
                        Donts = reader.Strings(PhasesFile, healingWords, "donts"),
                    };
                }
            }

            foreach (var missing in Phases.All.Where(p => !phases.ContainsKey(p)))
            {
                errors.Add(new(PhasesFile, 1, $"the phase \"{missing.Id()}\" has no entry."));
            }

            if (phases.TryGetValue(Phase.Heal, out var healPhase))
            {
                foreach (var reference in healPhase.Guides.Where(r => guides.TryGetValue(r, out var g) && g.Track != Track.Healing))
                {
                    errors.Add(new(PhasesFile, 1, $"the healing phase lists the guide \"{reference}\", which is not a healing guide (track: healing)."));
                }
            }
        }

        foreach (var guide in guides.Values)
        {
            foreach (var reference in guide.InsteadOf.Where(r => !guides.TryGetValue(r, out var other) || other.Track != Track.Reconciliation))
            {
                errors.Add(new($"guides/{guide.Id}.md", 1, $"the guide \"{guide.Id}\" stands in for \"{reference}\", but there is no main-program guide with that id."));
            }
        }

        InventoryContent inventory = new([], []);
        DecideContent decide = new([], [], [], [], [], []);
        IReadOnlyList<Choice> signs = [], readiness = [];
        var research = "";
        if (assessments is { } a)
        {
            var inv = reader.Map(AssessmentsFile, a, "inventory");
            inventory = new(reader.Choices(AssessmentsFile, inv, "causes", "red_flag"), reader.Choices(AssessmentsFile, inv, "prompts"));
            var dec = reader.Map(AssessmentsFile, a, "decide");
            decide = new(
                reader.Choices(AssessmentsFile, dec, "reasons_for"), reader.Choices(AssessmentsFile, dec, "reasons_against_desperation"),
                reader.Choices(AssessmentsFile, dec, "questions"), reader.Choices(AssessmentsFile, dec, "red_flags", "serious"),
                reader.Choices(AssessmentsFile, dec, "green_lights"), reader.Choices(AssessmentsFile, dec, "reality_check"));
            var signsMap = reader.Map(AssessmentsFile, a, "signs");
            signs = reader.Choices(AssessmentsFile, signsMap, "items");
            research = signsMap is null ? "" : reader.Text(AssessmentsFile, signsMap, "research") ?? "";
            readiness = reader.Choices(AssessmentsFile, reader.Map(AssessmentsFile, a, "readiness"), "items");
            reader.RequireIds(AssessmentsFile, a, "readiness items", readiness, ReadinessIds);
            reader.RequireIds(AssessmentsFile, a, "red flags", decide.RedFlags, SeriousRedFlags);
        }

        IReadOnlyList<StageContent> stages = [];
        IReadOnlyList<string> gestures = [];
        IReadOnlyList<Choice> rebuild = [];
        if (stagesRoot is { } sr)
        {
            stages = reader.List(StagesFile, sr, "stages")
                .Select(s => (Node: s, Id: reader.Text(StagesFile, s, "id")))
                .Where(s => s.Id is not null)
                .Select(s => new StageContent(s.Id!, reader.Text(StagesFile, s.Node, "title") ?? "", reader.Text(StagesFile, s.Node, "guidance") ?? "", reader.Text(StagesFile, s.Node, "donts") ?? ""))
                .ToList();
            reader.RequireIds(StagesFile, sr, "stages", stages.Select(s => new Choice(s.Id, s.Title)).ToList(), StageIds);
            gestures = reader.Strings(StagesFile, sr, "gestures");
            rebuild = reader.Choices(StagesFile, sr, "rebuild_checkin");
        }

        PlanContent accept = new("", []), heal = new("", []);
        if (healing is { } h)
        {
            accept = reader.Plan(HealingFile, reader.Map(HealingFile, h, "accept"));
            heal = reader.Plan(HealingFile, reader.Map(HealingFile, h, "heal"));
        }

        var days = LoadDays(byPath, reader, errors, DaysFolder, MinimumDays, "daily plan");
        var healingDays = LoadDays(byPath, reader, errors, HealingDaysFolder, MinimumHealingDays, "healing plan");

        var strings = reader.Root(byPath, StringsFile) is { } stringsRoot ? reader.FlatStrings(StringsFile, stringsRoot) : new Dictionary<string, string>();
        foreach (var (key, text) in strings.Where(s => s.Key.StartsWith(ProgramContent.HealingStringsPrefix, StringComparison.Ordinal)))
        {
            var replaced = key[ProgramContent.HealingStringsPrefix.Length..];
            if (!strings.TryGetValue(replaced, out var original))
            {
                errors.Add(new(StringsFile, 1, $"the healing-track string \"{key}\" words \"{replaced}\" differently, but there is no string \"{replaced}\"."));
            }
            else if (!PageStrings.HolesIn(text).Order(StringComparer.Ordinal).SequenceEqual(PageStrings.HolesIn(original).Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                errors.Add(new(StringsFile, 1, $"the healing-track string \"{key}\" must have the same holes as \"{replaced}\" ({string.Join(", ", PageStrings.HolesIn(original).Select(h => "{" + h + "}"))})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentException(errors);
        }

        return new ProgramContent(phases, days, inventory, decide, signs, research, readiness, stages, gestures, rebuild, accept, heal, guides, new PageStrings(strings), healingDays, healingPhases);
    }

    /// <summary>A daily plan from one folder of day-NN.md files: days 1, 2, 3... without gaps, at least <paramref name="minimum"/>.</summary>
    private static List<DayContent> LoadDays(Dictionary<string, ContentFile> byPath, Reader reader, List<ContentError> errors, string folder, int minimum, string what)
    {
        var days = new List<DayContent>();
        foreach (var file in byPath.Values.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal) && f.Path.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (reader.FrontMatter(file) is not var (map, body) || map is null)
            {
                continue;
            }

            var dayText = reader.Text(file.Path, map, "day");
            var phaseText = reader.Text(file.Path, map, "phase");
            var fields = (Topic: reader.Text(file.Path, map, "topic"), Title: reader.Text(file.Path, map, "title"), Action: reader.Text(file.Path, map, "action"), Prompt: reader.Text(file.Path, map, "prompt"));
            if (dayText is null || phaseText is null || fields.Topic is null || fields.Title is null || fields.Action is null || fields.Prompt is null)
            {
                continue;
            }

            if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1)
            {
                errors.Add(new(file.Path, reader.Line(map), $"\"day\" must be a whole number from 1, not \"{dayText}\"."));
                continue;
            }

            if (!Phases.TryParse(phaseText, out var phase))
            {
                errors.Add(new(file.Path, reader.Line(map), $"unknown phase \"{phaseText}\"."));
                continue;
            }

            if (days.Any(d => d.Day == day))
            {
                errors.Add(new(file.Path, reader.Line(map), $"day {day} is defined in another file too."));
                continue;
            }

            var lesson = Paragraphs(body);
            if (lesson.Count == 0)
            {
                errors.Add(new(file.Path, reader.Line(map), $"day {day} has no lesson: write it below the front matter."));
                continue;
            }

            days.Add(new DayContent(day, phase, fields.Topic, fields.Title, fields.Action, fields.Prompt, lesson));
        }

        days.Sort((x, y) => x.Day.CompareTo(y.Day));
        for (var expected = 1; expected <= days.Count; expected++)
        {
            if (days[expected - 1].Day != expected)
            {
                errors.Add(new($"{folder}day-{expected:00}.md", 1, $"day {expected} is missing: days must run 1, 2, 3... without gaps."));
                break;
            }
        }

        if (days.Count < minimum && !errors.Any(e => e.Path.StartsWith(folder, StringComparison.Ordinal)))
        {
            errors.Add(new(folder, 1, $"the {what} needs at least {minimum} days; there are {days.Count}."));
        }

        return days;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KeyName();

    private static List<string> Paragraphs(string body) =>
        body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Reads YAML nodes, recording a located error for anything missing or malformed.</summary>
    private sealed class Reader(List<ContentError> errors)
    {
        public YamlMappingNode? Root(Dictionary<string, ContentFile> files, string path)
        {
            if (!files.TryGetValue(path, out var file))
            {
                errors.Add(new(path, 1, "this file is missing."));
                return null;
            }

            return Parse(path, file.Text, lineOffset: 0);
        }

        public (YamlMappingNode? Map, string Body)? FrontMatter(ContentFile file)
        {
            var text = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
            if (!text.StartsWith("---\n", StringComparison.Ordinal))
            {
                errors.Add(new(file.Path, 1, "the file must start with front matter between two --- lines."));
                return null;
            }

            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end < 0)
            {
                errors.Add(new(file.Path, 1, "the front matter has no closing --- line."));
                return null;
            }

            var map = Parse(file.Path, text[4..(end + 1)], lineOffset: 1);
            var bodyStart = text.IndexOf('\n', end + 1);
            return (map, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
        }

        private YamlMappingNode? Parse(string path, string text, int lineOffset)
        {
            try
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(text));
                if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode map)
                {
                    errors.Add(new(path, 1 + lineOffset, "expected a mapping of names to values at the top."));
                    return null;
                }

                return Shift(map, lineOffset);
            }
            catch (YamlException e) when (e.Message.StartsWith(DuplicateKey, StringComparison.Ordinal))
            {
                var key = e.Message[DuplicateKey.Length..].Split('\n')[0].Trim();
                errors.Add(new(path, (int)e.Start.Line + lineOffset, $"this is not valid YAML: the key \"{key}\" appears twice in the same section; give each key once."));
                return null;
            }
            catch (YamlException e)
            {
                errors.Add(new(path, (int)e.Start.Line + lineOffset, "this is not valid YAML: " + e.Message.Split('\n')[0]));
                return null;
            }
            catch (InvalidOperationException)
            {
                // The parser can stop without a position (an unclosed [ or { at the end, for example).
                errors.Add(new(path, 1 + lineOffset, "this is not valid YAML: a bracket or quote is left open."));
                return null;
            }
        }

        // YamlDotNet's message for a key given twice in one mapping.
        private const string DuplicateKey = "Duplicate key ";

        // Lines inside front matter count from the file's first line.
        private readonly Dictionary<YamlNode, int> offsets = new(ReferenceEqualityComparer.Instance);

        private YamlMappingNode Shift(YamlMappingNode map, int offset)
        {
            if (offset != 0)
            {
                offsets[map] = offset;
            }

            return map;
        }

        public int Line(YamlNode node, YamlMappingNode? owner = null) =>
            (int)node.Start.Line + (owner is not null && offsets.TryGetValue(owner, out var o) ? o : offsets.TryGetValue(node, out var own) ? own : 0);

        /// <summary>Nested sections of strings as dotted keys ("decide.heading"); every leaf is non-empty text with well-formed holes.</summary>
        public Dictionary<string, string> FlatStrings(string path, YamlMappingNode root)
        {
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Walk(root, "");
            return flat;

            void Walk(YamlMappingNode map, string prefix)
            {
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    var name = (keyNode as YamlScalarNode)?.Value ?? "";
                    if (!KeyName().IsMatch(name))
                    {
                        errors.Add(new(path, Line(keyNode), $"\"{name}\" is not a usable key: use lower-case letters, digits and dashes."));
                        continue;
                    }

                    var key = prefix + name;
                    switch (valueNode)
                    {
                        case YamlMappingNode section:
                            Walk(section, key + ".");
                            break;
                        case YamlScalarNode { Value: { Length: > 0 } text } when !string.IsNullOrWhiteSpace(text):
                            if (PageStrings.BraceProblem(text) is { } problem)
                            {
                                errors.Add(new(path, Line(valueNode), $"the string \"{key}\" {problem}."));
                            }

                            flat[key] = text;
                            break;
                        default:
                            errors.Add(new(path, Line(valueNode), $"the string \"{key}\" must be text, and not empty."));
                            break;
                    }
                }
            }
        }

        public string? Text(string path, YamlMappingNode map, string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                errors.Add(new(path, Line(map), $"the field \"{key}\" is missing."));
                return null;
            }

            if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(path, Line(node, map), $"the field \"{key}\" must be text, and not empty."));
                return null;
            }

            return value.Trim();
        }

        /// <summary>A field that may be left out: its text, or null when it is absent.</summary>
        public string? OptionalText(string path, YamlMappingNode map, string key) =>
            map.Children.ContainsKey(new YamlScalarNode(key)) ? Text(path, map, key) : null;

        public YamlMappingNode? Map(string path, YamlMappingNode? parent, string key)
        {
            if (parent is null)
            {
                return null;
            }

            if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlMappingNode map)
            {
                errors.Add(new(path, Line(parent), $"the section \"{key}\" is missing or is not a set of named fields."));
                return null;
            }

            return map;
        }

        public List<YamlMappingNode> List(string path, YamlMappingNode? parent, string key)
        {
            if (parent is null)
            {
                return [];
            }

            if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode sequence)
            {
                errors.Add(new(path, Line(parent), $"the list \"{key}\" is missing."));
                return [];
            }

            var items = new List<YamlMappingNode>();
            foreach (var item in sequence)
            {
                if (item is YamlMappingNode map)
                {
                    items.Add(map);
                }
                else
                {
                    errors.Add(new(path, Line(item), $"each entry of \"{key}\" must have named fields (id, label...)."));
                }
            }

            return items;
        }

        public List<string> Strings(string path, YamlMappingNode map, string key, bool required = true)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required)
                {
                    errors.Add(new(path, Line(map), $"the list \"{key}\" is missing."));
                }

                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                errors.Add(new(path, Line(node), $"\"{key}\" must be a list."));
                return [];
            }

            var values = new List<string>();
            foreach (var item in sequence)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } value })
                {
                    values.Add(value.Trim());
                }
                else
                {
                    errors.Add(new(path, Line(item), $"each entry of \"{key}\" must be a line of text."));
                }
            }

            return values;
        }

        public List<Choice> Choices(string path, YamlMappingNode? parent, string key, string? flagKey = null)
        {
            var choices = new List<Choice>();
            foreach (var item in List(path, parent, key))
            {
                var id = Text(path, item, "id");
                var label = Text(path, item, "label");
                if (id is null || label is null)
                {
                    continue;
                }

                if (choices.Any(c => c.Id == id))
                {
                    errors.Add(new(path, Line(item), $"the id \"{id}\" appears twice in \"{key}\"."));
                    continue;
                }

                var hint = item.Children.TryGetValue(new YamlScalarNode("hint"), out var h) && h is YamlScalarNode { Value: { } hv } ? hv : null;
                var flag = flagKey is not null && item.Children.TryGetValue(new YamlScalarNode(flagKey), out var f) && f is YamlScalarNode { Value: "true" };
                choices.Add(new Choice(id, label, hint, flag));
            }

            return choices;
        }

        public PlanContent Plan(string path, YamlMappingNode? map) =>
            map is null ? new("", []) : new(Text(path, map, "intro") ?? "", Choices(path, map, "steps"));

        public void RequireIds(string path, YamlMappingNode owner, string what, IReadOnlyList<Choice> present, IEnumerable<string> required)
        {
            foreach (var id in required.Where(id => present.All(c => c.Id != id)))
            {
                errors.Add(new(path, Line(owner), $"the {what} must include the id \"{id}\"; the program's rules use it."));
            }
        }
    }
}
