using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>For someone whose ex may pick up their phone: the app PIN, in a real browser (quick exit: QuickExitJourneyTests).</summary>
public sealed class SecurityJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void The_app_pin_locks_the_page_and_unlocks_with_the_pin()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        browser.Go("/settings/security");
        browser.Type("Pin.Pin", "2580");
        browser.Type("Pin.IdleMinutes", "2");
        browser.Type("Pin.Password", "amber window falcon");
        browser.Submit("pin-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='security-message']")).Count > 0);

        // The lock screen hides everything; the PIN brings the app back.
        browser.Go("/lock");
        Assert.True(browser.TestId("lock-screen").Displayed);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("nav.site-nav")));
        browser.Go("/journal");
        browser.WaitForPath("/lock");
        browser.Screenshot("60-app-pin-locked");
        browser.Type("Pin", "2580");
        browser.Submit("unlock-form");
        browser.WaitForPath("/dashboard");
        browser.Go("/journal");
        browser.WaitForPath("/journal");
    }
}
