using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Rekindle.Core.Charts;

/// <summary>Small helpers to write SVG with System.Xml.Linq, which escapes every text and attribute value.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    public static XAttribute A(string name, string value) => new(name, value);

    public static XAttribute A(string name, double value) => new(name, Num(value));

    public static XAttribute A(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Invariant, at most two decimals, no "-0".</summary>
    public static string Num(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Keeps ids to [A-Za-z0-9_-], starting with a letter, so they are safe in id and aria attributes.</summary>
    public static string SafeId(string? id, string fallback)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return fallback;
        }

        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var safe = builder.ToString();
        return char.IsAsciiLetter(safe[0]) ? safe : fallback + "-" + safe;
    }

    /// <summary>The root: responsive through viewBox only, announced as one image named by its title and desc.</summary>
    public static XElement Root(string id, string kind, int width, int height, string title, string desc)
    {
        return El(
            "svg",
            A("id", id),
            A("class", "rk-chart rk-chart-" + kind),
            A("viewBox", $"0 0 {width} {height}"),
            A("preserveAspectRatio", "xMidYMid meet"),
            A("role", "img"),
            A("aria-labelledby", $"{id}-title {id}-desc"),
            A("focusable", "false"),
            A("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
            A("font-size", 12),
            El("title", A("id", id + "-title"), title),
            El("desc", A("id", id + "-desc"), desc));
    }

    public static XElement Text(double x, double y, string text, string cssClass, string anchor = "start", int size = 12) =>
        El(
            "text",
            A("class", cssClass),
            A("x", x),
            A("y", y),
            A("fill", ChartPalette.Text),
            A("font-size", size),
            anchor == "start" ? null : A("text-anchor", anchor),
            text);

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, string cssClass, double width = 1) =>
        El("line", A("class", cssClass), A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2), A("stroke", stroke), A("stroke-width", width));

    /// <summary>A friendly placeholder, still a titled and described image.</summary>
    public static string Empty(string id, string kind, string title, string message)
    {
        var root = Root(id, kind, 720, 160, title, message);
        root.Add(A("data-empty", "true"));
        root.Add(El("rect", A("class", "rk-empty-frame"), A("x", 1), A("y", 1), A("width", 718), A("height", 158), A("rx", 8), A("fill", "#ffffff"), A("stroke", ChartPalette.GridLine), A("stroke-width", 2)));
        root.Add(Text(360, 85, message, "rk-empty-text", "middle", 14));
        return Write(root);
    }

    public static string Write(XElement root) => root.ToString(SaveOptions.DisableFormatting);

    /// <summary>Date labels for a horizontal axis: about six, by day for short ranges and by month for long ones.</summary>
    public static IReadOnlyList<(DateOnly Date, string Label)> DateTicks(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var ticks = new List<(DateOnly, string)>();
        if (days <= 62)
        {
            var step = Math.Max(1, (int)Math.Ceiling((days + 1) / 6.0));
            for (var d = from; d <= to; d = d.AddDays(step))
            {
                ticks.Add((d, d.ToString("MMM d", CultureInfo.InvariantCulture)));
            }

            return ticks;
        }

        var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var monthStep = Math.Max(1, (int)Math.Ceiling(months / 7.0));
        var format = days > 366 ? "MMM yyyy" : "MMM d";
        var first = new DateOnly(from.Year, from.Month, 1);
        if (first < from)
        {
            first = first.AddMonths(1);
        }

        for (var d = first; d <= to; d = d.AddMonths(monthStep))
        {
            ticks.Add((d, d.ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    public static string RangeText(DateOnly from, DateOnly to) =>
        from == to ? Progress.Wording.Date(from)
        : from.Year == to.Year ? $"{Progress.Wording.ShortDate(from)} to {Progress.Wording.Date(to)}"
        : $"{Progress.Wording.Date(from)} to {Progress.Wording.Date(to)}";
}
