using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Security events reach the log; what people write, their password and their tokens never do.</summary>
public sealed class SecurityLoggingTests
{
    [Fact]
    public async Task Sign_in_success_failure_lockout_and_refused_access_are_logged()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        var email = Emails.New();
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SubmitAsync("/dashboard", [], "/account/logout");

        var before = app.Logs.Lines.Count;
        await browser.SignInAsync(email);
        Assert.Contains(app.Logs.Lines.Skip(before), l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Sign-in succeeded", StringComparison.Ordinal));

        using var guesser = app.NewBrowser();
        before = app.Logs.Lines.Count;
        await guesser.SignInAsync(email, "a wrong guess");
        Assert.Contains(app.Logs.Lines.Skip(before), l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Sign-in failed", StringComparison.Ordinal));
        for (var i = 0; i < 5; i++)
        {
            await guesser.SignInAsync(email, $"another wrong guess {i}");
        }

        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("locked out", StringComparison.Ordinal));

        // A signed-out visitor turned away, and a forged form refused.
        before = app.Logs.Lines.Count;
        await guesser.GetAsync("/letters");
        await guesser.Client.GetAsync("/api/v1/letters");
        Assert.Contains(app.Logs.Lines.Skip(before), l => l.Contains("Authorization failed", StringComparison.Ordinal));
        before = app.Logs.Lines.Count;
        var forged = await browser.PostAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = "forged" }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains(app.Logs.Lines.Skip(before), l => l.Contains("antiforgery", StringComparison.OrdinalIgnoreCase));

        // Someone else's record: the same 404 as a missing one, and a warning naming the user and the route.
        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = "Only mine." });
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("id").GetString()!;
        using var intruder = app.NewBrowser();
        await intruder.RegisterAsync(Emails.New("intruder"));
        before = app.Logs.Lines.Count;
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync($"/api/v1/letters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/letters/{id}")).Status);
        var refused = app.Logs.Lines.Skip(before).Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Refused", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, l => Assert.DoesNotContain("Only mine", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_a_person_writes_nor_their_password_nor_tokens_reach_the_log()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        const string password = "Zq7 private passphrase wren";
        var email = Emails.New("logscan");
        using var browser = app.NewBrowser();
        var cookieValues = FormCrawler.CookieValues((await browser.RegisterAsync(email, password)).Response).ToList();
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");

        // Every form a signed-in person can fill, each text field with its own marker.
        var markers = await FormCrawler.FillEveryFormAsync(app, browser, field => $"PRIVATE-{field}-{Guid.NewGuid():N}");
        Assert.NotEmpty(markers);
        // And the API: the same kinds of text through JSON.
        var apiMarkers = new[] { "PRIVATE-api-letter-kestrel", "PRIVATE-api-trigger-lamp", "PRIVATE-api-ex-text-harbour" };
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = apiMarkers[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 6, trigger = apiMarkers[1] })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = apiMarkers[2], receivedAt = "2026-11-01T20:00" })).StatusCode);
        await browser.Client.PostAsJsonAsync("/api/v1/account/delete", new { password = "PRIVATE-wrong-delete-password" });
        using (var again = app.NewBrowser())
        {
            cookieValues.AddRange(FormCrawler.CookieValues((await again.SignInAsync(email, password)).Response));
        }

        var secrets = markers.Concat(apiMarkers).Append(password).Append("PRIVATE-wrong-delete-password").ToList();
        var page = await browser.GetAsync("/letters");
        secrets.Add(page.AntiforgeryToken());
        secrets.AddRange(cookieValues);
        Assert.NotEmpty(cookieValues);

        var log = string.Join(Environment.NewLine, app.Logs.Lines);
        Assert.True(log.Length > 0);
        var leaked = secrets.Where(s => s.Length >= 8 && log.Contains(s, StringComparison.Ordinal))
            .Select(s => s + " in: " + app.Logs.Lines.First(l => l.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaked.Count == 0, "In the log: " + string.Join(", ", leaked));
        Assert.DoesNotContain("PRIVATE-", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_every_level_down_to_trace_no_text_a_person_writes_or_searches_for_reaches_the_log()
    {
        await using var app = new TraceLoggingSqliteApp();
        var email = Emails.New("tracescan");
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");

        // Every form, every text field its own marker; then the marked text written through the API everywhere.
        var markers = await FormCrawler.FillEveryFormAsync(app, browser, field => $"TRACEMARK-{field}-{Guid.NewGuid():N}");
        Assert.NotEmpty(markers);
        await DataAtRestTests.WriteEverywhereAsync(browser, "TRACEMARK");

        // Private searches, on the pages and the API, and one asked for while signed out (redirected to sign in).
        foreach (var url in new[] { "/journal?q=TRACEMARK-search", "/journal?tag=TRACEMARK-tag", "/letters?q=TRACEMARK-letters", "/api/v1/journal?q=TRACEMARK-api" })
        {
            Assert.True((await browser.Client.GetAsync(url)).IsSuccessStatusCode, url);
        }

        using (var signedOut = app.NewBrowser())
        {
            var redirected = await signedOut.Client.GetAsync("/journal?q=TRACEMARK-signed-out");
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            var login = redirected.Headers.Location!.ToString();
            var signedIn = await signedOut.SubmitAsync(login, new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "lantern orchard velvet",
                ["returnUrl"] = "/journal?q=TRACEMARK-return",
            }, login);
            Assert.Equal("/journal?q=TRACEMARK-return", signedIn.Response.Headers.Location?.ToString());
            Assert.True((await signedOut.Client.GetAsync(signedIn.Response.Headers.Location)).IsSuccessStatusCode);
        }

        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET /journal", StringComparison.Ordinal));
        var leaked = lines.Where(l => l.Contains("TRACEMARK", StringComparison.Ordinal) || l.Contains(email, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        Assert.True(leaked.Count == 0, "In the log:\n" + string.Join("\n", leaked));
    }
}
