using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>
/// The healing track as a person clicks through it: a controlling ex on the safety screen, the healing plan and
/// guides, a boundary message in the coach, the incident log and its printout, and the quick exit.
/// </summary>
public sealed class HealingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] ReconciliationStages = ["first-contact", "reconnecting", "inviting", "the-talk", "together"];

    private static void WaitFor(Browser browser, string testId) =>
        browser.Wait().Until(d => d.FindElements(By.CssSelector($"[data-testid='{testId}']")).Count > 0);

    [Fact]
    public void A_controlling_ex_leads_to_healing_guides_a_boundary_coach_an_incident_log_and_a_quick_exit()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);

        // The safety screen: yes, they were controlling.
        browser.TestId("Controlling-yes").Click();
        foreach (var question in new[] { "Abuse", "Threats", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        WaitFor(browser, "safety-pivot");
        browser.Screenshot("90-healing-safety-pivot");

        // The healing track: the dashboard and the program say so, and today's plan is the healing plan's day.
        browser.Go("/dashboard");
        Assert.Equal("heal", browser.TestId("phase").GetAttribute("data-phase"));
        browser.Screenshot("91-healing-dashboard");
        browser.Go("/program");
        Assert.Equal("false", browser.Find(By.CssSelector("[data-phase='talk']")).GetAttribute("data-allowed"));
        browser.Go("/today");
        WaitFor(browser, "today");
        Assert.Equal("1", browser.TestId("today").GetAttribute("data-day"));
        Assert.Contains("Distance is protection", browser.TestId("today").Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("[data-testid='plan-items'] li")));
        browser.Screenshot("92-healing-today");

        // From today's plan to the healing page, and from there to a guide.
        browser.ClickToLoad(browser.TestId("healing-guides-link"));
        browser.WaitForPath("/healing");
        Assert.Equal("heal", browser.TestId("healing").GetAttribute("data-track"));
        Assert.True(browser.TestId("healing-incidents").Displayed);
        var guideLink = browser.TestId("healing-guides").FindElement(By.CssSelector("a[href='/guides/technology-safety']"));
        browser.ClickToLoad(guideLink);
        browser.WaitForPath("/guides/technology-safety");
        Assert.Contains("Technology safety", browser.TestId("guide").Text, StringComparison.Ordinal);
        browser.Screenshot("93-healing-guide");

        // The coach: a boundary message by default, and no stage that coaches getting back together.
        browser.Go("/coach");
        var stage = browser.Find(By.Name("Input.Stage"));
        var options = stage.FindElements(By.TagName("option"));
        var chosen = options.Single(o => o.Selected);
        Assert.Equal("", chosen.GetAttribute("value"));
        Assert.Contains("boundary", chosen.Text, StringComparison.OrdinalIgnoreCase);
        var offered = options.Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("boundary", offered);
        Assert.All(ReconciliationStages, id => Assert.DoesNotContain(id, offered));
        Assert.True(browser.TestId("coach-stages-closed").Displayed);
        browser.Type("Input.Text", "I will collect my books from the porch on Saturday at 10. Please leave them there.");
        browser.Submit("coach-form");
        WaitFor(browser, "coach-result");
        Assert.Contains("boundary", browser.TestId("coach-result").Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("send", browser.TestId("coach-result").GetAttribute("data-verdict"));
        browser.Screenshot("94-healing-coach-boundary");

        // The incident log: one incident written, listed, and in the printable record.
        browser.Go("/incidents");
        browser.ClickToLoad(browser.TestId("add-incident"));
        browser.WaitForPath("/incidents/new");
        browser.SetValue("Input.Date", "2026-10-30");
        browser.SetValue("Input.Time", "21:15");
        browser.Type("Input.What", "Sent eleven messages in an hour demanding to know where I was.");
        browser.Type("Input.Where", "By text message");
        browser.Submit("incident-form");
        browser.Wait().Until(_ => browser.Path_.StartsWith("/incidents/", StringComparison.Ordinal) && browser.Path_ != "/incidents/new");
        browser.Go("/incidents");
        var listed = browser.TestId("incidents").FindElements(By.CssSelector("[data-testid='incident']"));
        Assert.Single(listed);
        Assert.Contains("eleven messages", listed[0].Text, StringComparison.Ordinal);
        browser.Screenshot("95-healing-incidents");
        browser.ClickToLoad(browser.TestId("print-incidents"));
        browser.WaitForPath("/incidents/print");
        var entry = Assert.Single(browser.Driver.FindElements(By.CssSelector("[data-testid='record-entry']")));
        Assert.Contains("Sent eleven messages in an hour demanding to know where I was.", entry.Text, StringComparison.Ordinal);
        Assert.Contains("By text message", entry.Text, StringComparison.Ordinal);
        browser.Screenshot("96-healing-incidents-print");

        // The quick exit leaves the app, and Back does not return to the page that was left.
        browser.Go("/help");
        browser.Go("/incidents");
        var appPage = browser.Driver.Url;
        var exitUrl = app.BaseUrl + BrowserApp.QuickExitPath;
        browser.TestId("quick-exit").Click();
        browser.Wait().Until(d => d.Url == exitUrl);
        browser.Driver.Navigate().Back();
        browser.Wait().Until(d => d.Url != exitUrl);
        Assert.NotEqual(appPage, browser.Driver.Url);
        Assert.DoesNotContain("/incidents", browser.Driver.Url, StringComparison.Ordinal);
    }
}
