using System.Globalization;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The palette in site.css, read as the browser would (the light :root, then the dark scheme's overrides), meets
/// WCAG AA: 4.5:1 for text on the backgrounds it is drawn on, 3:1 for the edges of controls. The pairs are the ones
/// the stylesheet actually uses (buttons, links, the coach's highlights, notices, the crisis and quick exit links).
/// </summary>
public sealed partial class ColourContrastTests
{
    /// <summary>Foreground and background variables of text as site.css draws it.</summary>
    public static readonly TheoryData<string, string> TextPairs = new()
    {
        { "text", "bg" }, { "text", "surface" }, { "muted", "bg" }, { "muted", "surface" },
        { "primary", "bg" }, { "primary", "surface" }, { "primary-strong", "bg" }, { "primary-strong", "surface" },
        { "primary", "info" }, { "primary-strong", "info" },
        { "on-primary", "primary" }, { "on-primary", "primary-strong" }, { "on-danger", "danger" }, { "on-danger", "danger-strong" },
        { "danger", "care" }, { "danger", "bg" }, { "danger", "surface" },
        { "text", "mark-warning" }, { "text", "mark-note" }, { "text", "mark-stop" }, { "text", "draft-bg" },
        { "ok-text", "ok" }, { "error-text", "error" }, { "text", "care" }, { "text", "info" }, { "surface", "text" },
    };

    /// <summary>Edges that show where a control is: inputs and quiet buttons, filled buttons against the page, the focus ring.</summary>
    public static readonly TheoryData<string, string> BoundaryPairs = new()
    {
        { "control-border", "bg" }, { "control-border", "surface" }, { "primary", "bg" }, { "primary", "surface" },
        { "danger", "bg" }, { "danger", "surface" }, { "accent", "bg" }, { "accent", "surface" },
    };

    [Theory]
    [MemberData(nameof(TextPairs))]
    public void Text_reaches_4_5_to_1_in_dark_mode(string foreground, string background) =>
        AssertRatio(Palette(dark: true), foreground, background, 4.5);

    [Theory]
    [MemberData(nameof(TextPairs))]
    public void Text_reaches_4_5_to_1_in_light_mode(string foreground, string background) =>
        AssertRatio(Palette(dark: false), foreground, background, 4.5);

    [Theory]
    [MemberData(nameof(BoundaryPairs))]
    public void Control_edges_reach_3_to_1_in_dark_mode(string foreground, string background) =>
        AssertRatio(Palette(dark: true), foreground, background, 3.0);

    [Fact]
    public void Button_and_highlight_rules_use_the_palette_not_fixed_colours()
    {
        var css = Css();
        Assert.Matches(@"\.button \{[^}]*color: var\(--on-primary\)", css);
        Assert.Matches(@"\.button-danger \{[^}]*color: var\(--on-danger\)", css);
        Assert.Matches(@"\.urge-link \{[^}]*color: var\(--on-primary\)", css);
        foreach (var kind in new[] { "warning", "note", "stop" })
        {
            Assert.Matches($@"mark\.finding-{kind} \{{ background: var\(--mark-{kind}\); color: var\(--text\); \}}", css);
        }

        Assert.Matches(@"\.draft-highlighted \{[^}]*background: var\(--draft-bg\)", css);
        // Outside the palette, no rule paints text white: that is what made buttons unreadable in dark mode.
        Assert.DoesNotMatch(@"color: #fff\b", css[css.IndexOf("*, *::before", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#7fb7bb", "#ffffff", 2.24)]
    [InlineData("#777", "#fff", 4.48)]
    public void The_ratio_is_the_wcag_one(string a, string b, double expected) =>
        Assert.Equal(expected, Ratio(a, b), 2);

    private static void AssertRatio(Dictionary<string, string> palette, string foreground, string background, double minimum)
    {
        Assert.True(palette.ContainsKey(foreground), $"--{foreground} is not in site.css");
        Assert.True(palette.ContainsKey(background), $"--{background} is not in site.css");
        var ratio = Ratio(palette[foreground], palette[background]);
        Assert.True(ratio >= minimum, $"--{foreground} ({palette[foreground]}) on --{background} ({palette[background]}) is {ratio:0.00}:1, under {minimum}:1");
    }

    private static string Css() => File.ReadAllText(Path.Combine(Repository.Root, "src", "Rekindle.Web", "wwwroot", "css", "site.css"));

    private static Dictionary<string, string> Palette(bool dark)
    {
        var css = Css();
        var palette = Variables(RootBlock().Match(css).Groups["body"].Value);
        if (dark)
        {
            var overrides = DarkRootBlock().Match(css);
            Assert.True(overrides.Success, "site.css has no dark scheme");
            foreach (var (name, value) in Variables(overrides.Groups["body"].Value))
            {
                palette[name] = value;
            }
        }

        return palette;
    }

    private static Dictionary<string, string> Variables(string block) =>
        Variable().Matches(block).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    public static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var digits = hex.TrimStart('#');
        if (digits.Length == 3)
        {
            digits = string.Concat(digits.Select(c => $"{c}{c}"));
        }

        double Channel(int at)
        {
            var c = int.Parse(digits.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    [GeneratedRegex(@"^:root\s*\{(?<body>[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(?<body>[^}]*)\}")]
    private static partial Regex DarkRootBlock();

    [GeneratedRegex(@"--(?<name>[\w-]+):\s*(?<value>#[0-9a-fA-F]{3,6})\b")]
    private static partial Regex Variable();
}
