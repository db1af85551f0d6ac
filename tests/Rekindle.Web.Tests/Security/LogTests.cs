using System.Net;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>The logs record security events and nothing a user wrote, typed or was issued.</summary>
public sealed class LogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Security_events_are_logged_and_personal_text_passwords_and_tokens_never_are()
    {
        const string password = "marigold tundra lantern";
        var email = Emails.New("logscan");
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email, password);
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        string[] secrets = ["Quokka-contact-note", "Quokka-trigger", "Quokka-letter", "Quokka-inbox", "Quokka-word", "Quokka-journal", "Quokka-draft", "Quokka-inventory", "Quokka-stage"];
        await browser.LogContactAsync("Me", "2026-11-01T12:00", "Quokka-contact-note");
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 5, trigger = "Quokka-trigger", wantedToSay = "Quokka-letter" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "Quokka-inbox", receivedAt = "2026-11-01T10:00" });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 5, sleepHours = 7, word = "Quokka-word" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "Quokka-journal" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "Quokka-draft I miss you", stage = "first-contact" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "trust" }, values = new Dictionary<string, string> { ["my-part"] = "Quokka-inventory" } });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", note = "Quokka-stage" });
        var page = await browser.GetAsync("/dashboard");
        var token = page.AntiforgeryToken();
        var cookies = browser.Client.DefaultRequestHeaders.Contains("Cookie") ? browser.Client.DefaultRequestHeaders.GetValues("Cookie") : [];

        using var attacker = app.NewBrowser();
        for (var i = 0; i < 6; i++)
        {
            await attacker.SignInAsync(email, "not the password " + i);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.Client.GetAsync("/api/v1/journal")).StatusCode);
        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Sign-in succeeded", StringComparison.Ordinal) || l.Contains("created", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sign-in failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("locked out", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("Authorization failed", StringComparison.Ordinal));

        var all = string.Join('\n', lines);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, all, StringComparison.Ordinal));
        Assert.DoesNotContain(password, all, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", all, StringComparison.Ordinal);
        Assert.DoesNotContain(token, all, StringComparison.Ordinal);
        Assert.DoesNotContain(email, all, StringComparison.OrdinalIgnoreCase);
        Assert.All(cookies, cookie => Assert.DoesNotContain(cookie, all, StringComparison.Ordinal));
    }
}
