using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rekindle.Web.Tests.Infrastructure;

public sealed record Page(HttpStatusCode Status, string Html, HttpResponseMessage Response)
{
    public string? Location => Response.Headers.Location?.OriginalString;

    /// <summary>The text of the element with this data-testid, tags stripped and entities decoded.</summary>
    public string? TestId(string id)
    {
        var match = Regex.Match(Html, $"<(?<tag>[a-z0-9]+)[^>]*data-testid=\"{Regex.Escape(id)}\"[^>]*>(?<body>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? Text(match.Groups["body"].Value) : null;
    }

    public bool Has(string id) => Html.Contains($"data-testid=\"{id}\"", StringComparison.Ordinal);

    /// <summary>The validation message shown beside a field ("Input.Note").</summary>
    public string? FieldError(string field)
    {
        var match = Regex.Match(Html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(?<body>.*?)</span>", RegexOptions.Singleline);
        return match.Success && match.Groups["body"].Value.Length > 0 ? Text(match.Groups["body"].Value) : null;
    }

    /// <summary>The value of an input, or the content of a textarea, by name.</summary>
    public string? FieldValue(string name)
    {
        var textarea = Regex.Match(Html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(?<body>.*?)</textarea>", RegexOptions.Singleline);
        if (textarea.Success)
        {
            return WebUtility.HtmlDecode(textarea.Groups["body"].Value).TrimStart('\r', '\n');
        }

        var input = Regex.Match(Html, $"<input(?=[^>]*name=\"{Regex.Escape(name)}\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>");
        return input.Success ? WebUtility.HtmlDecode(input.Groups["value"].Value) : null;
    }

    public string AntiforgeryToken()
    {
        var match = Regex.Match(Html, "<input(?=[^>]*name=\"__rvt\")(?=[^>]*value=\"(?<value>[^\"]+)\")[^>]*>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    public static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), "\\s+", " ").Trim();
}

/// <summary>An HttpClient used the way a browser uses the site: pages, forms with their tokens, cookies.</summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Client { get; } = client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Opens the form's page for a fresh token, then posts the fields to the action.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await GetAsync(pageUrl);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.Status}");
        return await PostAsync(action ?? pageUrl, fields, page.AntiforgeryToken());
    }

    public async Task<Page> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__rvt", token));
        }

        using var content = new FormUrlEncodedContent(all);
        var response = await Client.PostAsync(action, content);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<Page> RegisterAsync(string email, string password = "lantern orchard velvet", string timeZone = "Europe/London")
    {
        var page = await SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.TimeZoneId"] = timeZone,
        });
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Registration failed: {(int)page.Status} {Page.Text(page.Html)[..Math.Min(400, page.Html.Length)]}");
        return page;
    }

    public Task<Page> SignInAsync(string email, string password = "lantern orchard velvet") =>
        SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<Page> SaveSituationAsync(
        string breakupDate = "2026-10-20",
        string who = "Them",
        string kind = "Considered",
        string timeZone = "Europe/London",
        string country = "GB",
        params string[] ties)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.WhoEnded", who),
            new("Input.BreakupDate", breakupDate),
            new("Input.MonthsTogether", "26"),
            new("Input.BreakupKind", kind),
            new("Input.TimeZoneId", timeZone),
            new("Input.CountryCode", country),
        };
        fields.AddRange(ties.Select(t => new KeyValuePair<string, string>($"Input.{t}", "true")));
        return await SubmitAsync("/situation", fields);
    }

    public Task<Page> AnswerSafetyAsync(bool abuse = false, bool threats = false, bool controlling = false, bool betrayal = false) =>
        SubmitAsync("/situation/safety", new Dictionary<string, string>
        {
            ["Input.Abuse"] = abuse ? "true" : "false",
            ["Input.Threats"] = threats ? "true" : "false",
            ["Input.Controlling"] = controlling ? "true" : "false",
            ["Input.RepeatedBetrayal"] = betrayal ? "true" : "false",
        });

    public Task<Page> StartNoContactAsync(int target = 30, string? startDate = null) =>
        SubmitAsync("/no-contact", new Dictionary<string, string>
        {
            ["Start.TargetDays"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Start.StartDate"] = startDate ?? string.Empty,
        }, "/no-contact?handler=Start");

    public Task<Page> LogContactAsync(string initiator, string occurredAt, string note) =>
        SubmitAsync("/no-contact", new Dictionary<string, string>
        {
            ["Contact.Initiator"] = initiator,
            ["Contact.OccurredAt"] = occurredAt,
            ["Contact.Note"] = note,
        }, "/no-contact?handler=Log");

    public async Task<T> GetJsonAsync<T>(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, object body) =>
        Client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) });

    public void Dispose() => Client.Dispose();
}
