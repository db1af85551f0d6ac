using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>The draft coach in a real browser: write, see what would land badly and why, rewrite in place.</summary>
public sealed class CoachJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void A_draft_is_checked_rewritten_in_place_and_checked_again()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-20");

        browser.Go("/coach");
        browser.Find(By.CssSelector("select[name='Input.Stage'] option[value='first-contact']")).Click();
        browser.Type("Input.Text", "I miss you so much. Do you ever think about us? pls answer");
        browser.Submit("coach-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='coach-result']")).Count > 0);
        // Four problems at once (feelings, the relationship, pleading, chasing): several warnings are never "close", so wait.
        Assert.Equal("wait", browser.TestId("coach-result").GetAttribute("data-verdict"));
        var marks = browser.Driver.FindElements(By.CssSelector("[data-testid='highlighted'] mark"));
        Assert.Contains(marks, m => m.Text == "I miss you" && m.GetAttribute("data-category") == "declaration");
        Assert.Contains(marks, m => m.GetAttribute("data-category") == "relationship-talk");
        Assert.Contains("Talking about the relationship", browser.TestId("findings").Text, StringComparison.Ordinal);
        browser.Screenshot("40-coach-revise-phone");

        // The draft stays in the box; rewrite it there and check again.
        Assert.Contains("Do you ever think about us?", browser.Find(By.Name("Input.Text")).GetAttribute("value"), StringComparison.Ordinal);
        browser.Type("Input.Text", "Hey, saw the bakery on Elm reopened and thought of their lemon bars. Hope your week is going well.");
        browser.Submit("coach-form");
        browser.Wait().Until(d => d.FindElement(By.CssSelector("[data-testid='coach-result']")).GetAttribute("data-verdict") == "send");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("[data-testid='highlighted'] mark")));
        browser.Screenshot("41-coach-send-phone");

        // Talk of self-harm is met with crisis help, not editing advice.
        browser.Type("Input.Text", "honestly I don't want to be here anymore");
        browser.Submit("coach-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='coach-crisis']")).Count > 0);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("[data-testid='coach-crisis'] a[href^='tel:']")));
        browser.Screenshot("42-coach-crisis-phone");
    }
}
