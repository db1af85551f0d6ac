using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>One field of an HTML form as the page rendered it.</summary>
public sealed record FormField(string Name, string Kind, string Value, IReadOnlyList<string> Options)
{
    /// <summary>Fields a person types into (as opposed to choices, dates and hidden ids).</summary>
    public bool IsText => Kind is "text" or "textarea" or "search" or "email" or "password" or "tel" or "url";
}

/// <summary>A form found on a page: where it posts, how, and its fields.</summary>
public sealed record HtmlForm(string Page, string Action, string Method, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public override string ToString() => $"{Method} {Action} (on {Page})";
}

/// <summary>
/// Finds the forms of a signed-in person generically: starts at every page route without parameters, follows
/// the site's own links (which reach pages with ids, like one letter), and reads each page's forms. A form
/// added later is picked up without changing the tests.
/// </summary>
public static partial class FormCrawler
{
    /// <summary>Forms that would end the session under test. Everything else is fair game.</summary>
    private static readonly string[] Skipped = ["/account/logout"];

    public static async Task<List<string>> PagesAsync(TestBrowser browser, IEnumerable<string> start, int limit = 60)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(start);
        var pages = new List<string>();
        while (queue.Count > 0 && pages.Count < limit)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            var page = await browser.GetAsync(url);
            if (page.Status != HttpStatusCode.OK || page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages.Add(url);
            foreach (Match link in Link().Matches(page.Html))
            {
                var href = WebUtility.HtmlDecode(link.Groups["href"].Value);
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains('#', StringComparison.Ordinal)
                    && !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal) && !href.StartsWith("/img/", StringComparison.Ordinal))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return pages;
    }

    /// <summary>The signed-in pages: every GET page route without parameters, and whatever they link to.</summary>
    public static Task<List<string>> SignedInPagesAsync(AppFactory app, TestBrowser browser) =>
        PagesAsync(browser, Endpoints.All(app)
            .Where(c => c.IsPage && c.Method == "GET" && !c.Pattern.Contains('{', StringComparison.Ordinal))
            .Select(c => c.Url()));

    public static IEnumerable<HtmlForm> FormsOf(string pageUrl, string html)
    {
        foreach (Match form in Form().Matches(html))
        {
            var attributes = form.Groups["attributes"].Value;
            var method = Attribute(attributes, "method")?.ToUpperInvariant() ?? "GET";
            var action = Attribute(attributes, "action") is { Length: > 0 } a ? a : pageUrl;
            if (Skipped.Any(s => action.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var body = form.Groups["body"].Value;
            var fields = new List<FormField>();
            foreach (Match input in Input().Matches(body))
            {
                var tag = input.Value;
                var name = Attribute(tag, "name");
                var type = Attribute(tag, "type")?.ToLowerInvariant() ?? "text";
                if (name is null || name == "__rvt" || type is "submit" or "button" or "image" or "reset")
                {
                    continue;
                }

                var existing = fields.FindIndex(f => f.Name == name);
                var value = Attribute(tag, "value") ?? "";
                if (type is "radio" && existing >= 0)
                {
                    fields[existing] = fields[existing] with { Options = [.. fields[existing].Options, value] };
                    continue;
                }

                if (existing < 0)
                {
                    fields.Add(new FormField(name, type, value, type is "radio" or "checkbox" ? [value] : []));
                }
            }

            foreach (Match textarea in TextArea().Matches(body))
            {
                fields.Add(new FormField(Attribute(textarea.Groups["attributes"].Value, "name")!, "textarea", WebUtility.HtmlDecode(textarea.Groups["body"].Value).TrimStart('\r', '\n'), []));
            }

            foreach (Match select in Select().Matches(body))
            {
                var options = OptionValue().Matches(select.Groups["body"].Value).Select(o => WebUtility.HtmlDecode(o.Groups["value"].Value)).ToList();
                fields.Add(new FormField(Attribute(select.Groups["attributes"].Value, "name")!, "select", options.FirstOrDefault(o => o.Length > 0) ?? "", options));
            }

            // A submit button with a name and value sends it (the urge outcome: "Passed" or "Contacted").
            foreach (Match button in Button().Matches(body))
            {
                if (Attribute(button.Value, "name") is { } name && !fields.Any(f => f.Name == name))
                {
                    fields.Add(new FormField(name, "button", Attribute(button.Value, "value") ?? "", [Attribute(button.Value, "value") ?? ""]));
                }
            }

            yield return new HtmlForm(pageUrl, action, method, Attribute(attributes, "enctype") == "multipart/form-data", fields);
        }
    }

    /// <summary>A plausible value for a field that is not text, so the form can succeed when its text is fine.</summary>
    public static string Plausible(FormField field) => field.Kind switch
    {
        "number" or "range" => field.Value.Length > 0 ? field.Value : "5",
        "date" => field.Value.Length > 0 ? field.Value : "2026-11-01",
        "datetime-local" => field.Value.Length > 0 ? field.Value : "2026-11-01T12:00",
        "time" => field.Value.Length > 0 ? field.Value : "12:00",
        "checkbox" => "true",
        "radio" => field.Options.FirstOrDefault(o => o.Length > 0) ?? "",
        _ => field.Value,
    };

    /// <summary>
    /// Posts one form with a fresh antiforgery token from its page. Values are raw, already form-encoded
    /// (so a test can send bytes that are not UTF-8).
    /// </summary>
    public static async Task<Page> PostRawAsync(TestBrowser browser, HtmlForm form, IEnumerable<KeyValuePair<string, string>> encodedFields)
    {
        var page = await browser.GetAsync(form.Page);
        var token = page.Status == HttpStatusCode.OK && page.Html.Contains("name=\"__rvt\"", StringComparison.Ordinal) ? page.AntiforgeryToken() : null;
        var fields = encodedFields.ToList();
        if (token is not null && form.Method == "POST")
        {
            fields.Add(new("__rvt", Uri.EscapeDataString(token)));
        }

        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(Uri.UnescapeDataString(value)), name);
            }

            content = multipart;
        }
        else
        {
            content = new StringContent(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Value)), Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        using (content)
        {
            var target = form.Method == "GET" ? form.Action + (form.Action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Value)) : form.Action;
            var response = form.Method == "GET" ? await browser.Client.GetAsync(target) : await browser.Client.PostAsync(target, content);
            return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }
    }

    /// <summary>
    /// Fills every form on every signed-in page once: each text field gets <paramref name="textFor"/>(its name),
    /// every other field a plausible value. Returns the text values sent.
    /// </summary>
    public static async Task<List<string>> FillEveryFormAsync(AppFactory app, TestBrowser browser, Func<string, string> textFor)
    {
        var sent = new List<string>();
        foreach (var form in await FormsAsync(app, browser))
        {
            var fields = form.Fields.Select(f =>
            {
                var value = f.IsText ? textFor(f.Name) : Plausible(f);
                if (f.IsText)
                {
                    sent.Add(value);
                }

                return new KeyValuePair<string, string>(f.Name, Uri.EscapeDataString(value));
            }).ToList();
            var result = await PostRawAsync(browser, form, fields);
            Assert.True((int)result.Status < 500, $"{form} answered {(int)result.Status}");
        }

        return sent;
    }

    /// <summary>Every form on every signed-in page, de-duplicated by action (the same form on two pages is one form).</summary>
    public static async Task<List<HtmlForm>> FormsAsync(AppFactory app, TestBrowser browser)
    {
        var forms = new List<HtmlForm>();
        foreach (var url in await SignedInPagesAsync(app, browser))
        {
            var page = await browser.GetAsync(url);
            forms.AddRange(FormsOf(url, page.Html));
        }

        return forms.DistinctBy(f => (f.Method, f.Action, string.Join(",", f.Fields.Select(x => x.Name)))).ToList();
    }

    /// <summary>The values of the cookies a response sets.</summary>
    public static IEnumerable<string> CookieValues(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2 && p[1].Length > 0).Select(p => p[1])
            : [];

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    [GeneratedRegex("<a\\s[^>]*href=\"(?<href>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input\\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("<textarea(?<attributes>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select(?<attributes>[^>]*)>(?<body>.*?)</select>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();

    [GeneratedRegex("<button\\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Button();
}
