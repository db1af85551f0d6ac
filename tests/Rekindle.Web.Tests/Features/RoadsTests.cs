using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Issue 25 through the real pipeline: truthful words, counts that agree, the cooling period before "Pursue", the
/// respect and resentment questions, and a next step on every road (no reply, no, yes).
/// </summary>
public abstract class RoadsTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private string email = "";

    private async Task<TestBrowser> StartedAsync(string? noContactFrom = "2026-10-01", bool abuse = false)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        email = Emails.New("roads");
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        await browser.AnswerSafetyAsync(abuse: abuse);
        await browser.StartNoContactAsync(startDate: noContactFrom);
        return browser;
    }

    [Fact]
    public async Task On_day_zero_no_page_says_the_target_was_reached()
    {
        using var browser = await StartedAsync(noContactFrom: null);
        // A decision made before the target sends the user to the inventory while the count is still at day 0.
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "not-now" })).StatusCode);
        foreach (var path in new[] { "/dashboard", "/no-contact", "/readiness", "/program" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("reached your", Page.Text(page.Html), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("reached it", Page.Text(page.Html), StringComparison.OrdinalIgnoreCase);
        }

        var readiness = await browser.GetAsync("/readiness");
        Assert.Contains("data-item=\"target\" data-status=\"notyet\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("30 more days to go.", readiness.TestId("readiness"), StringComparison.Ordinal);

        // Once the count really reaches the target, the no-contact page says so.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await browser.SignInAsync(email);
        Assert.Contains("You reached your target of 30 days", Page.Text((await browser.GetAsync("/no-contact")).Html), StringComparison.Ordinal);
        Assert.Contains("data-item=\"target\" data-status=\"met\"", (await browser.GetAsync("/readiness")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signs_page_says_persistence_and_hostility_are_not_interest()
    {
        using var browser = await StartedAsync();
        var signs = await browser.GetAsync("/signs");
        Assert.Equal(HttpStatusCode.OK, signs.Status);
        Assert.Contains("not interest", signs.TestId("not-signs"), StringComparison.Ordinal);
        Assert.DoesNotContain("warm or angry", signs.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("keep finding reasons", signs.Html, StringComparison.Ordinal);
        // The old ids are no longer choices.
        var old = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/signs", new { chosen = new[] { "strong-feelings" } });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/signs", new { chosen = new[] { "talk-without-blame" } })).StatusCode);
    }
}

public sealed class RoadsSqliteTests(SqliteApp app) : RoadsTests(app), IClassFixture<SqliteApp>;

public sealed class RoadsPostgresTests(PostgresApp app) : RoadsTests(app), IClassFixture<PostgresApp>;
