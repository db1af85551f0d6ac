using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>The safety plan in a real browser: written, then reached from crisis help while the app is PIN-locked.</summary>
public sealed class SafetyPlanJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void The_safety_plan_can_be_read_under_the_pin_lock_but_not_edited()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);

        browser.Go("/safety-plan");
        browser.Type("Input.WarningSigns", "Lying awake replaying it" + Keys.Enter + "Skipping meals");
        browser.Type("Input.People", "Sam, 07700 900123");
        browser.Type("Input.ReasonsForLiving", "My sister's wedding in June");
        browser.Submit("safety-plan-form");
        Assert.True(browser.TestId("plan-saved").Displayed);
        Assert.Equal(2, browser.TestId("plan-warning-signs").FindElements(By.TagName("li")).Count);
        browser.Screenshot("70-safety-plan");

        browser.Go("/settings/security");
        browser.Type("Pin.Pin", "1357");
        browser.Type("Pin.IdleMinutes", "2");
        browser.Type("Pin.Password", "amber window falcon");
        browser.Submit("pin-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='security-message']")).Count > 0);

        // Locked: help and the plan are one tap each from the lock screen's header, to read only.
        browser.Go("/lock");
        Assert.True(browser.TestId("lock-screen").Displayed);
        browser.ClickToLoad(browser.TestId("crisis-link"));
        browser.WaitForPath("/help");
        browser.ClickToLoad(browser.TestId("safety-plan-link"));
        browser.WaitForPath("/safety-plan");
        Assert.True(browser.TestId("plan-locked").Displayed);
        Assert.Contains("My sister's wedding in June", browser.TestId("plan-reasons-for-living").Text, StringComparison.Ordinal);
        Assert.Contains("Samaritans", browser.TestId("plan-crisis-lines").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("[data-testid='safety-plan-form']")));
        Assert.Empty(browser.Driver.FindElements(By.TagName("textarea")));
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("nav.site-nav")));
        browser.Screenshot("71-safety-plan-locked");

        // Everything else stays behind the PIN.
        browser.Go("/journal");
        browser.WaitForPath("/lock");

        // The plan's own link to the lock screen unlocks the rest, and editing comes back.
        browser.Go("/safety-plan");
        browser.ClickToLoad(browser.TestId("plan-locked").FindElement(By.CssSelector("a[href='/lock']")));
        browser.WaitForPath("/lock");
        browser.Type("Pin", "1357");
        browser.Submit("unlock-form");
        browser.WaitForPath("/dashboard");
        browser.Go("/safety-plan");
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("[data-testid='safety-plan-form']")));
    }
}
