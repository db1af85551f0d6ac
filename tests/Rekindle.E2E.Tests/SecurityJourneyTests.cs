using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>For someone whose ex may look over their shoulder: quick exit and the app PIN, in a real browser.</summary>
public sealed class SecurityJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void Esc_twice_leaves_at_once_and_back_does_not_return_to_the_page()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        browser.Go("/journal");
        browser.WaitForPath("/journal");
        browser.Find(By.TagName("body")).SendKeys(Keys.Escape);
        browser.Find(By.TagName("body")).SendKeys(Keys.Escape);
        browser.WaitForPath("/help");

        // The journal page was replaced in the history: Back goes to the page before it.
        browser.Driver.Navigate().Back();
        browser.Wait().Until(d => new Uri(d.Url).AbsolutePath != "/help");
        Assert.NotEqual("/journal", browser.Path_);
    }

    [Fact]
    public void The_quick_exit_button_is_on_every_page_and_leaves()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        browser.Go("/account/login");
        Assert.True(browser.TestId("quick-exit").Displayed);
        Register(browser, NewEmail());
        browser.Go("/letters");
        browser.TestId("quick-exit").Click();
        browser.WaitForPath("/help");
    }

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
