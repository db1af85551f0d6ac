using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>A signed-in person with one record of each kind, shared by the hostile input properties.</summary>
public sealed class HostileApp() : ConfiguredSqliteApp(new Dictionary<string, string?>())
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TestBrowser? browser;
    private Dictionary<string, IReadOnlyList<string>>? requestFields;

    public async Task<TestBrowser> SessionAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                browser = NewBrowser();
                await browser.RegisterAsync(Emails.New("hostile"));
                await browser.SaveSituationAsync();
                await browser.AnswerSafetyAsync();
                await browser.StartNoContactAsync(startDate: "2026-10-25");
                await browser.LogContactAsync("Me", "2026-11-01T12:00", "A first note.");
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = "A first letter." });
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 5, trigger = "A first trigger" });
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "A first message", receivedAt = "2026-11-01T20:00" });
            }

            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The request fields of each JSON endpoint ("POST api/v1/letters" → body), from the OpenAPI document.</summary>
    public async Task<IReadOnlyList<string>> RequestFieldsAsync(EndpointCall call)
    {
        if (requestFields is null)
        {
            using var client = NewBrowser();
            var document = JsonNode.Parse(await client.Client.GetStringAsync("/openapi/v1.json"))!;
            var schemas = document["components"]?["schemas"]?.AsObject();
            requestFields = [];
            foreach (var (path, operations) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in operations!.AsObject())
                {
                    var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                    if (schema?["$ref"]?.GetValue<string>() is { } reference)
                    {
                        schema = schemas?[reference.Split('/')[^1]];
                    }

                    requestFields[$"{method.ToUpperInvariant()} {Normalize(path)}"] = schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
                }
            }
        }

        return requestFields.GetValueOrDefault($"{call.Method} {Normalize(call.Pattern)}") ?? [];
    }

    private static string Normalize(string pattern) => Regex.Replace(pattern, "\\{([^}:]+)[^}]*\\}", "{$1}").Trim('/');

    public override async ValueTask DisposeAsync()
    {
        browser?.Dispose();
        gate.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Hostile input through every form and every JSON endpoint: never a 500, never markup back unencoded; a
/// validation message, a 4xx or a normal page instead. Forms and endpoints are found generically.
/// </summary>
public sealed class HostileInputTests(HostileApp app) : IClassFixture<HostileApp>
{
    private void AssertSafe(HttpStatusCode status, string body, HostileValue? value, string what)
    {
        Assert.True((int)status < 500, $"{what} answered {(int)status}: {app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))}");
        if (value is { IsMarkup: true })
        {
            Assert.False(body.Contains(value.Text, StringComparison.Ordinal), $"{what} sent the markup back unencoded: {body[..Math.Min(body.Length, 600)]}");
        }
    }

    [Property(MaxTest = 6, Arbitrary = [typeof(HostileArbitraries)])]
    public async Task Every_form_turns_hostile_values_away_or_keeps_them_inert(HostileForm attack)
    {
        var browser = await app.SessionAsync();
        var forms = await FormCrawler.FormsAsync(app, browser);
        Assert.True(forms.Count >= 5, $"Only {forms.Count} forms found");
        foreach (var form in forms)
        {
            var fields = form.Fields.Select(f => new KeyValuePair<string, string>(
                f.Name, attack.EveryField || f.IsText ? attack.Value.FormEncoded : HostileValue.PercentEncode(System.Text.Encoding.UTF8.GetBytes(FormCrawler.Plausible(f)))));
            var result = await FormCrawler.PostRawAsync(browser, form, fields);
            AssertSafe(result.Status, result.Html, attack.Value, form.ToString());
            if (result.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && result.Location is { } location && location.StartsWith('/'))
            {
                var next = await browser.GetAsync(location);
                AssertSafe(next.Status, next.Html, attack.Value, $"{location} after {form}");
            }
        }

        // What was saved shows up inert wherever it is listed.
        foreach (var url in await FormCrawler.SignedInPagesAsync(app, browser))
        {
            var page = await browser.GetAsync(url);
            AssertSafe(page.Status, page.Html, attack.Value, url);
        }
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(HostileArbitraries)])]
    public async Task Every_json_endpoint_turns_hostile_bodies_away(HostileJson attack)
    {
        var browser = await app.SessionAsync();
        var calls = Endpoints.All(app)
            .Where(c => c.IsApi && c.Method is "POST" or "PUT" or "PATCH" && c.Pattern != "api/v1/auth/logout")
            .ToList();
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var body = attack.For(await app.RequestFieldsAsync(call));
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            using var response = await browser.Client.SendAsync(new HttpRequestMessage(new HttpMethod(call.Method), call.Url()) { Content = content });
            AssertSafe(response.StatusCode, await response.Content.ReadAsStringAsync(), body.Value, $"{call} with {body}");
        }
    }

    [Fact]
    public async Task The_json_endpoints_request_fields_are_known()
    {
        var calls = Endpoints.All(app).Where(c => c.IsApi && c.Method is "POST" or "PUT").ToList();
        var known = new List<string>();
        foreach (var call in calls)
        {
            known.AddRange(await app.RequestFieldsAsync(call));
        }

        Assert.Contains("body", known);
        Assert.Contains("trigger", known);
        Assert.Contains("text", known);
    }
}
