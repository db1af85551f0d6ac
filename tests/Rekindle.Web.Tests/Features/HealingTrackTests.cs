using System.Net;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// After the safety pivot the user is on the healing track: its own daily plan, its own guides and no contact as
/// protection, never the reconciliation plan or its words. Everyone else keeps the main program.
/// </summary>
public abstract class HealingTrackTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Words that coach toward the relationship; none of them belongs on a page of the healing track.</summary>
    private static readonly string[] ReconciliationWords =
    [
        "reach out", "reached out", "reaching out", "get back together", "getting back together", "back together", "first message",
        "real chance", "win them back", "make them miss you", "try again",
    ];

    private async Task<TestBrowser> SignedUpAsync(bool abuse, string? noContactFrom = "2026-11-02", int target = 30)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("healing"));
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        await browser.AnswerSafetyAsync(abuse: abuse);
        if (noContactFrom is not null)
        {
            await browser.StartNoContactAsync(target: target, startDate: noContactFrom);
        }

        return browser;
    }

    private static string FrontMatter(string folder, int day, string field)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "content", "en", folder, $"day-{day:00}.md"));
        return text.Split('\n').First(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim().Trim('"');
    }

    private static void AssertNoReconciliationWords(Page page, string where)
    {
        var text = Page.Text(page.Html);
        foreach (var words in ReconciliationWords)
        {
            Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{where} says \"{words}\": {text}");
        }
    }

    [Fact]
    public async Task A_healing_user_gets_the_healing_plan_every_day_and_never_the_reconciliation_words()
    {
        using var browser = await SignedUpAsync(abuse: true);
        var healingDays = Directory.GetFiles(Path.Combine(Repository.Root, "content", "en", "healing-days"), "day-*.md").Length;
        foreach (var day in new[] { 1, 2, 8, 14, 22, 30, 31, 38, 45 })
        {
            app.Clock.Set(Monday.AddDays(day - 1));
            var today = await browser.GetAsync("/today");
            Assert.Equal(HttpStatusCode.OK, today.Status);
            Assert.Contains($"data-day=\"{day}\"", today.Html, StringComparison.Ordinal);
            var planDay = day <= healingDays ? day : (day - healingDays - 1) % healingDays + 1;
            var text = Page.Text(today.Html);
            Assert.Contains(FrontMatter("healing-days", planDay, "title"), text, StringComparison.Ordinal);
            Assert.Contains(FrontMatter("healing-days", planDay, "action"), text, StringComparison.Ordinal);
            Assert.DoesNotContain(FrontMatter("days", day, "title"), text, StringComparison.Ordinal);
            Assert.True(today.Has("quick-exit"), $"day {day} has no quick exit");
            Assert.True(today.Has("healing-guides-link"));
            AssertNoReconciliationWords(today, $"/today on day {day}");

            var prompt = await browser.GetJsonAsync<JsonElement>("/api/v1/journal/prompt");
            Assert.Equal(FrontMatter("healing-days", planDay, "prompt"), prompt.GetProperty("prompt").GetString());
        }

        var api = await browser.GetJsonAsync<JsonElement>("/api/v1/today");
        Assert.Equal("healing", api.GetProperty("track").GetString());
        Assert.Equal("heal", api.GetProperty("plan").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task The_healing_plan_counts_its_days_from_the_day_the_track_began_even_without_no_contact()
    {
        // Shared children or a lease can mean no contact never starts; the plan must still move on.
        using var browser = await SignedUpAsync(abuse: true, noContactFrom: null);
        app.Clock.Set(Monday.AddDays(4));
        var today = await browser.GetAsync("/today");
        Assert.Contains("data-day=\"5\"", today.Html, StringComparison.Ordinal);
        Assert.Contains(FrontMatter("healing-days", 5, "title"), Page.Text(today.Html), StringComparison.Ordinal);
        var prompt = await browser.GetJsonAsync<JsonElement>("/api/v1/journal/prompt");
        Assert.Equal(FrontMatter("healing-days", 5, "prompt"), prompt.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task The_everyday_pages_of_the_healing_track_never_coach_toward_the_ex()
    {
        using var browser = await SignedUpAsync(abuse: true);
        foreach (var path in new[] { "/urge", "/check-in", "/progress", "/letters", "/journal", "/no-contact", "/ex-messages" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AssertNoReconciliationWords(page, path);
        }
    }

    [Fact]
    public async Task A_healing_user_sees_the_healing_guides_instead_of_the_reconciliation_ones()
    {
        using var browser = await SignedUpAsync(abuse: true);
        string[] healingGuides = ["healing-must-see-them", "healing-they-contact-you", "healing-threats", "technology-safety", "healing-missing-them"];
        foreach (var path in new[] { "/healing", "/program/heal", "/program/no-contact", "/program/stabilize" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(page.Has("quick-exit"), $"{path} has no quick exit");
            foreach (var id in healingGuides)
            {
                Assert.Contains($"href=\"/guides/{id}\"", page.Html, StringComparison.Ordinal);
            }

            foreach (var id in new[] { "must-see-them", "they-contact-you", "dating-someone-else", "cant-stop-thinking" })
            {
                Assert.DoesNotContain($"href=\"/guides/{id}\"", page.Html, StringComparison.Ordinal);
            }

            AssertNoReconciliationWords(page, path);
        }

        foreach (var id in healingGuides)
        {
            var guide = await browser.GetAsync($"/guides/{id}");
            Assert.Equal(HttpStatusCode.OK, guide.Status);
            Assert.True(guide.Has("quick-exit"));
            Assert.Contains("data-track=\"healing\"", guide.Html, StringComparison.Ordinal);
            AssertNoReconciliationWords(guide, $"/guides/{id}");
        }

        var technology = Page.Text((await browser.GetAsync("/guides/technology-safety")).Html);
        foreach (var words in new[] { "Check quietly", "more dangerous", "Location sharing", "Family plans", "safe device", "advocate" })
        {
            Assert.Contains(words, technology, StringComparison.Ordinal);
        }

        var threats = await browser.GetAsync("/guides/healing-threats");
        Assert.Contains("emergency number", Page.Text(threats.Html), StringComparison.Ordinal);
        Assert.Contains("href=\"/help\"", threats.Html, StringComparison.Ordinal);

        // An old link to a reconciliation guide leads to the healing guide that stands in for it.
        foreach (var (old, replacement) in new[] { ("must-see-them", "healing-must-see-them"), ("they-contact-you", "healing-they-contact-you"), ("dating-someone-else", "healing-missing-them") })
        {
            var response = await browser.Client.GetAsync($"/guides/{old}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/guides/{replacement}", response.Headers.Location?.OriginalString);
        }

        var program = await browser.GetAsync("/program");
        Assert.True(program.Has("healing-switched-off"));
        AssertNoReconciliationWords(program, "/program");
    }

    [Fact]
    public async Task No_contact_is_protection_on_the_healing_track_with_no_target_that_leads_back()
    {
        using var fresh = await SignedUpAsync(abuse: true, noContactFrom: null);
        var start = await fresh.GetAsync("/no-contact");
        Assert.Contains("This is protection", Page.Text(start.Html), StringComparison.Ordinal);
        AssertNoReconciliationWords(start, "/no-contact before it starts");

        using var browser = await SignedUpAsync(abuse: true, noContactFrom: "2026-10-01", target: 21);
        var reached = await browser.GetAsync("/no-contact");
        var text = Page.Text(reached.Html);
        Assert.Contains("days of keeping yourself safe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Next comes an honest look", text, StringComparison.Ordinal);
        AssertNoReconciliationWords(reached, "/no-contact with the target reached");

        await browser.LogContactAsync("Them", "2026-11-02T09:00", "a message");
        var advised = await browser.GetAsync("/no-contact");
        Assert.Contains("you don't owe them an explanation", Page.Text(advised.Html), StringComparison.Ordinal);
        Assert.Contains("They contacted me", Page.Text(advised.Html), StringComparison.Ordinal);
        AssertNoReconciliationWords(advised, "/no-contact after a contact");
        var editLink = System.Text.RegularExpressions.Regex.Match(advised.Html, "href=\"(/no-contact/contacts/[^\"]+/edit)\"").Groups[1].Value;
        var editPage = await browser.GetAsync(editLink);
        Assert.Contains("They contacted me", Page.Text(editPage.Html), StringComparison.Ordinal);
        AssertNoReconciliationWords(editPage, "the contact's edit page");

        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Contains("first 21-day stretch", Page.Text(dashboard.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_milestone_on_the_healing_track_is_worded_as_protection()
    {
        using var browser = await SignedUpAsync(abuse: true, noContactFrom: "2026-10-03");
        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Contains("data-days=\"30\"", dashboard.Html, StringComparison.Ordinal);
        var moment = dashboard.TestId("milestone-moment")!;
        Assert.Contains("protecting your peace", moment, StringComparison.Ordinal);
        Assert.DoesNotContain("whichever way", moment, StringComparison.Ordinal);
        AssertNoReconciliationWords(dashboard, "/dashboard on day 30");
    }

    [Fact]
    public async Task Everyone_else_keeps_the_main_plan_and_guides()
    {
        using var browser = await SignedUpAsync(abuse: false);
        foreach (var day in new[] { 1, 8, 14 })
        {
            app.Clock.Set(Monday.AddDays(day - 1));
            var today = await browser.GetAsync("/today");
            Assert.Contains(FrontMatter("days", day, "title"), Page.Text(today.Html), StringComparison.Ordinal);
            Assert.False(today.Has("healing-guides-link"));
        }

        var api = await browser.GetJsonAsync<JsonElement>("/api/v1/today");
        Assert.Equal("reconciliation", api.GetProperty("track").GetString());
        Assert.Equal(FrontMatter("days", 14, "prompt"), (await browser.GetJsonAsync<JsonElement>("/api/v1/journal/prompt")).GetProperty("prompt").GetString());

        var guide = await browser.GetAsync("/guides/must-see-them");
        Assert.Equal(HttpStatusCode.OK, guide.Status);
        Assert.Contains("data-track=\"reconciliation\"", guide.Html, StringComparison.Ordinal);
        var phase = await browser.GetAsync("/program/no-contact");
        Assert.Contains("href=\"/guides/dating-someone-else\"", phase.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/guides/healing-threats\"", phase.Html, StringComparison.Ordinal);
        Assert.Contains("of your 30-day target", Page.Text((await browser.GetAsync("/no-contact")).Html), StringComparison.Ordinal);

        // The healing guides are there for anyone who needs them.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/guides/technology-safety")).Status);
    }
}

public sealed class HealingTrackSqliteTests(SqliteApp app) : HealingTrackTests(app), IClassFixture<SqliteApp>;

public sealed class HealingTrackPostgresTests(PostgresApp app) : HealingTrackTests(app), IClassFixture<PostgresApp>;
