using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Rekindle.Core.Content;

namespace Rekindle.Web.Content;

public static class PageStringsHtml
{
    /// <summary>
    /// A page string as HTML with its holes filled by markup (a bold word inside a sentence, for example), so the
    /// sentence stays whole for translators. The string's own text is encoded; only the hole values are markup.
    /// </summary>
    public static IHtmlContent Html(this PageStrings strings, string key, params (string Name, IHtmlContent Value)[] holes)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var markers = holes.Select((h, i) => (h.Name, Marker: $"\u0001{i}\u0002")).ToArray();
        var text = strings.Format(key, markers.Select(m => (m.Name, (object?)m.Marker)).ToArray());
        var html = new HtmlContentBuilder();
        var rest = text;
        while (rest.Length > 0)
        {
            var start = rest.IndexOf('\u0001', StringComparison.Ordinal);
            if (start < 0)
            {
                html.Append(rest);
                break;
            }

            html.Append(rest[..start]);
            var end = rest.IndexOf('\u0002', start);
            var index = int.Parse(rest[(start + 1)..end], System.Globalization.CultureInfo.InvariantCulture);
            html.AppendHtml(holes[index].Value);
            rest = rest[(end + 1)..];
        }

        return html;
    }

    /// <summary>Text wrapped in an element, encoded, with any attributes: <c>Tag("strong", word)</c>, <c>Tag("span", n, ("data-testid", "day"))</c>.</summary>
    public static IHtmlContent Tag(string element, string text, params (string Name, string Value)[] attributes) =>
        new HtmlString($"<{element}{string.Concat(attributes.Select(a => $" {a.Name}=\"{HtmlEncoder.Default.Encode(a.Value)}\""))}>{HtmlEncoder.Default.Encode(text)}</{element}>");

    /// <summary>A link with encoded text, for a hole that holds one: <c>Link("/help", T["layout.footer-help-link"])</c>.</summary>
    public static IHtmlContent Link(string href, string text) =>
        new HtmlString($"<a href=\"{HtmlEncoder.Default.Encode(href)}\">{HtmlEncoder.Default.Encode(text)}</a>");
}
