using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Requests that used to answer 500 (a date at the calendar's edge, a null list, a race, a non-ASCII return address), and the API naming a field of the wrong type.</summary>
public sealed class EdgeRequestTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<TestBrowser> SignedInAsync()
    {
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("edge"));
        return browser;
    }

    private static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("to=0001-01-01", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("to=0001-03-01", "to")]
    public async Task Check_ins_at_the_calendars_edges_are_a_400_naming_the_parameter(string query, string field)
    {
        using var browser = await SignedInAsync();
        var errors = await ProblemsAsync(await browser.Client.GetAsync($"/api/v1/check-ins?{query}"));
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [Theory]
    [InlineData("{\"chosen\":null}", "chosen")]
    [InlineData("{\"chosen\":[],\"values\":null}", "values")]
    [InlineData("{\"chosen\":null,\"values\":null,\"decision\":null}", "chosen")]
    public async Task Null_lists_in_an_assessment_are_a_400_naming_the_field(string body, string field)
    {
        using var browser = await SignedInAsync();
        foreach (var kind in new[] { "inventory", "decide", "heal" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var errors = await ProblemsAsync(await browser.Client.PostAsync($"/api/v1/assessments/{kind}", content));
            Assert.True(errors.ContainsKey(field), $"{kind}: {string.Join(", ", errors.Keys)}");
        }
    }

    [Theory]
    [InlineData("/api/v1/no-contact/start", "{\"targetDays\":\"thirty\"}", "targetDays")]
    [InlineData("/api/v1/no-contact/start", "{\"targetDays\":30,\"startDate\":12}", "startDate")]
    [InlineData("/api/v1/no-contact/contacts", "{\"initiator\":[\"me\"],\"occurredAt\":\"2026-11-01T09:00\",\"note\":\"x\"}", "initiator")]
    [InlineData("/api/v1/urges", "{\"intensity\":\"very\"}", "intensity")]
    [InlineData("/api/v1/assessments/inventory", "{\"chosen\":[1,2]}", "chosen[0]")]
    public async Task A_json_field_of_the_wrong_type_is_a_400_naming_the_field(string url, string body, string field)
    {
        using var browser = await SignedInAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var errors = await ProblemsAsync(await browser.Client.PostAsync(url, content));
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_naming_it()
    {
        using var browser = await SignedInAsync();
        using var content = new StringContent("{\"chosen\":[\"communication\"]}", Encoding.UTF8, "application/json");
        var errors = await ProblemsAsync(await browser.Client.PostAsync("/api/v1/assessments/inventory?confirmLeavingTrack=%C3%BCn%C3%AF", content));
        Assert.True(errors.ContainsKey("confirmLeavingTrack"), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task Starting_no_contact_and_changing_the_target_at_once_never_fails()
    {
        using var browser = await SignedInAsync();
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        var requests = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/start", new { targetDays = 21 + i, startDate = "2026-10-25" })
            : browser.SendJsonAsync(HttpMethod.Put, "/api/v1/no-contact/target", new { targetDays = 21 + i }));
        var responses = await Task.WhenAll(requests);
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()} {app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal))}");
        }

        var overview = await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact");
        Assert.True(overview.GetProperty("started").GetBoolean());
    }

    [Theory]
    [InlineData("/journal?q=ünïcode ✓", "/journal?q=%C3%BCn%C3%AFcode%20%E2%9C%93")]
    [InlineData("/letters?q=日本", "/letters?q=%E6%97%A5%E6%9C%AC")]
    [InlineData("/dashboard", "/dashboard")]
    public async Task A_non_ascii_return_address_signs_in_and_comes_back_percent_encoded(string returnUrl, string expected)
    {
        var email = Emails.New("return");
        using (var first = app.NewBrowser())
        {
            await first.RegisterAsync(email);
        }

        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/account/login");
        var page = await browser.PostAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "lantern orchard velvet",
        }, login.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(expected, page.Location);
    }

    [Fact]
    public async Task The_host_header_does_not_shape_the_sign_in_redirect()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });
        using var response = await client.GetAsync("/journal");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", location, StringComparison.Ordinal);
    }
}

/// <summary>An installation that names its host: other Host headers are refused with 400.</summary>
public sealed class AllowedHostsTests
{
    public sealed class App() : ConfiguredSqliteApp(new Dictionary<string, string?> { ["Rekindle:AllowedHosts"] = "rekindle.example; localhost" });

    [Fact]
    public async Task Only_the_configured_hosts_are_answered()
    {
        await using var app = new App();
        foreach (var (host, status) in new[] { ("rekindle.example", HttpStatusCode.OK), ("localhost", HttpStatusCode.OK), ("evil.example", HttpStatusCode.BadRequest) })
        {
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{host}") });
            using var response = await client.GetAsync("/health");
            Assert.True(response.StatusCode == status, $"{host} answered {(int)response.StatusCode}");
        }
    }
}
