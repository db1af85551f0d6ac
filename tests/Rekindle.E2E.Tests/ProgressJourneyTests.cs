using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>Check-ins, the journal, the charts, and taking the data away, in a real browser.</summary>
public sealed class ProgressJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Calls the JSON API from the page, with the page's own session, and returns the status code.</summary>
    private static long Api(Browser browser, string method, string path, object? body = null) =>
        (long)browser.Driver.ExecuteAsyncScript(
            """
            const [method, path, body, done] = arguments;
            fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body === null ? undefined : body })
              .then(r => done(r.status), () => done(0));
            """, method, path, body is null ? null : JsonSerializer.Serialize(body, Json))!;

    private static string Fetch(Browser browser, string path) =>
        (string)browser.Driver.ExecuteAsyncScript("const [path, done] = arguments; fetch(path).then(r => r.text()).then(done, () => done(''));", path)!;

    private static List<double> Values(Browser browser, string chartId) =>
        browser.Driver.FindElements(By.CssSelector($"svg#{chartId} [data-value]"))
            .Select(e => double.Parse(e.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void A_month_of_check_ins_shows_as_charts_that_climb()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-20");

        // Today's check-in through the form, the 29 days before through the API the page itself uses.
        browser.Go("/check-in");
        browser.Type("Input.Mood", "8");
        browser.Type("Input.SleepHours", "7.5");
        browser.Find(By.Name("Input.AteProperly")).Click();
        browser.Type("Input.UrgeCount", "1");
        browser.Type("Input.StrongestUrge", "3");
        browser.Type("Input.Word", "hopeful");
        browser.Submit("check-in-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='check-in-saved']")).Count > 0);
        var today = new DateOnly(2026, 11, 2);
        for (var i = 1; i < 30; i++)
        {
            var dayMood = 3 + (29 - i) / 6;                 // 3 a month ago, 7 yesterday
            Assert.Equal(201, Api(browser, "PUT", $"/api/v1/check-ins/{today.AddDays(-i):yyyy-MM-dd}", new { mood = dayMood, sleepHours = 7, urgeCount = i > 14 ? 4 : 1, strongestUrge = i > 14 ? 8 : 3 }));
        }

        browser.Go("/progress");
        var moods = Values(browser, "mood-chart");
        Assert.Equal(30, moods.Count);
        Assert.Equal(3, moods[0]);
        Assert.Equal(8, moods[^1]);
        Assert.True(moods.Zip(moods.Skip(1)).All(p => p.Second >= p.First), string.Join(",", moods));
        var urges = Values(browser, "urge-chart");
        Assert.Equal(30, urges.Count);
        Assert.Equal(4, urges[0]);
        Assert.Equal(1, urges[^1]);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("svg#no-contact-calendar [data-state]")));
        Assert.Contains("up from", browser.TestId("weekly-summary").Text, StringComparison.Ordinal);

        // The text alternative is there for screen readers, and the numbers open as a table.
        var mood = browser.Find(By.CssSelector("svg#mood-chart"));
        Assert.Equal("img", mood.GetAttribute("role"));
        browser.TestId("mood-section").FindElement(By.TagName("summary")).Click();
        Assert.True(browser.TestId("mood-section").FindElement(By.TagName("table")).Displayed);
        browser.Screenshot("30-progress-month-of-check-ins");
    }

    [Fact]
    public void The_journal_is_written_searched_and_a_thought_is_reframed()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-25");

        browser.Go("/journal");
        Assert.False(string.IsNullOrWhiteSpace(browser.TestId("entry-prompt").Text));
        browser.Type("Input.Body", "Cooked a real dinner and called my brother. The evening felt less empty.");
        browser.Type("Input.Tags", "family, cooking");
        browser.Submit("prompt-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='entry-body']")).Count > 0);

        browser.Go("/journal/new?kind=reframe");
        browser.Type("Input.Thought", "It was all my fault.");
        browser.Submit("entry-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector(".field-error")).Any(e => e.Text.Contains("pattern", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("It was all my fault.", browser.Find(By.Name("Input.Thought")).GetAttribute("value"));
        browser.Choose("Input.Pattern", "SelfBlame");
        browser.Type("Input.Kinder", "We both made choices. I can own my part without carrying all of it.");
        browser.Submit("entry-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='entry-pattern']")).Count > 0);
        Assert.Equal("Taking all the blame", browser.TestId("entry-pattern").Text);
        browser.Screenshot("31-journal-reframe-phone");

        browser.Go("/journal");
        browser.Type("q", "brother");
        browser.ClickToLoad(browser.TestId("journal-search").FindElement(By.CssSelector("button[type='submit']")));
        browser.Wait().Until(d => d.Url.Contains("q=brother", StringComparison.Ordinal));
        var found = browser.TestId("journal-entries").Text;
        Assert.Contains("called my brother", found, StringComparison.Ordinal);
        Assert.DoesNotContain("own my part", found, StringComparison.Ordinal);
        browser.Find(By.LinkText("#family")).Click();
        Assert.Contains("called my brother", browser.TestId("journal-entries").Text, StringComparison.Ordinal);
        browser.Screenshot("32-journal-search-phone");
    }

    [Fact]
    public void Export_then_import_into_a_fresh_account_gives_the_same_data_and_deleting_removes_the_account()
    {
        using var first = new Browser(app.BaseUrl);
        var email = NewEmail();
        Register(first, email);
        DescribeSituation(first);
        ClearSafetyScreenAndStart(first, "2026-10-20");
        Assert.Equal(201, Api(first, "PUT", "/api/v1/check-ins/2026-11-01", new { mood = 4, sleepHours = 6, urgeCount = 2, strongestUrge = 6, word = "tired" }));
        Assert.Equal(201, Api(first, "POST", "/api/v1/journal", new { kind = "free", body = "Sunday was long, but I got through it.", tags = "sunday" }));
        Assert.Equal(201, Api(first, "POST", "/api/v1/letters", new { body = "I wish you had said goodbye properly." }));
        var exported = Fetch(first, "/settings/export");
        var file = Path.Combine(Path.GetTempPath(), $"rekindle-export-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, exported);

        using var second = new Browser(app.BaseUrl);
        Register(second, NewEmail());
        second.Go("/settings");
        second.Find(By.Id("import-file")).SendKeys(file);
        second.Submit("import-form");
        second.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='settings-message']")).Count > 0);
        second.Screenshot("33-settings-imported");
        Assert.Equal(Comparable(exported), Comparable(Fetch(second, "/settings/export")));
        second.Go("/journal");
        Assert.Contains("Sunday was long", second.TestId("journal-entries").Text, StringComparison.Ordinal);

        // Deleting asks for the password, then the account is gone: signing in again fails.
        first.Go("/settings");
        first.Type("DeletePassword", "amber window falcon");
        first.Submit("delete-form");
        first.WaitForPath("/account/deleted");
        first.Go("/account/login");
        first.Type("Input.Email", email);
        first.Type("Input.Password", "amber window falcon");
        first.Find(By.CssSelector("form button[type='submit']")).Click();
        first.Wait().Until(d => d.FindElements(By.CssSelector(".alert-error, .field-error")).Any(e => e.Displayed && e.Text.Length > 0));
        Assert.Equal("/account/login", first.Path_);
        File.Delete(file);
    }

    /// <summary>The export without what differs between two accounts by design: ids, the account, the time of export.</summary>
    private static string Comparable(string export)
    {
        var document = JsonNode.Parse(export)!.AsObject();
        document.Remove("exportedAt");
        document.Remove("account");
        foreach (var record in document.Select(s => s.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
        {
            record.Remove("id");
            record.Remove("urgeId");
        }

        return document.ToJsonString();
    }
}
