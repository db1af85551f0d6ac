using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>Leaving in a hurry: Esc twice or the button goes to the exit address, and Back doesn't return.</summary>
public sealed class QuickExitJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static void AssertLeftFor(Browser browser, string appPage, string exitUrl)
    {
        browser.Wait().Until(d => d.Url == exitUrl);
        // The page that was left is gone from the history: Back goes to what came before it.
        browser.Driver.Navigate().Back();
        browser.Wait().Until(d => d.Url != exitUrl);
        Assert.NotEqual(appPage, browser.Driver.Url);
        Assert.DoesNotContain("/letters", browser.Driver.Url, StringComparison.Ordinal);
    }

    /// <summary>Going back to an app page by hand finds the door shut: the sign-in page (or the lock screen).</summary>
    private static void AssertAppPageNeeds(Browser browser, string expectedPath)
    {
        // The sign-out is a beacon sent as the page went; it may land a moment after the neutral page loaded.
        browser.Wait().Until(_ =>
        {
            browser.Go("/letters");
            return browser.Path_ == expectedPath;
        });
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("nav.site-nav")));
    }

    [Fact]
    public void Esc_pressed_twice_leaves_and_back_does_not_return_to_the_page()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        // Start the tab's history somewhere that is not the app page we will leave from.
        browser.Go("/help");
        browser.Go("/letters");
        var appPage = browser.Driver.Url;
        browser.Type("Input.Body", "Something I would not want anyone to see over my shoulder.");

        new Actions(browser.Driver).SendKeys(Keys.Escape).Perform();
        Thread.Sleep(150);
        Assert.Equal(appPage, browser.Driver.Url);
        new Actions(browser.Driver).SendKeys(Keys.Escape).Perform();

        AssertLeftFor(browser, appPage, app.BaseUrl + BrowserApp.QuickExitPath);
        Assert.Equal(app.BaseUrl + "/help", browser.Driver.Url);
        browser.Screenshot("30-quick-exit-after-back");

        // Leaving signed the session out: the app's pages ask for the password again.
        AssertAppPageNeeds(browser, "/account/login");
    }

    [Fact]
    public void One_esc_alone_does_nothing_and_the_button_leaves_too()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Register(browser, NewEmail());
        browser.Go("/help");
        browser.Go("/letters");
        var appPage = browser.Driver.Url;

        new Actions(browser.Driver).SendKeys(Keys.Escape).Perform();
        Thread.Sleep(1300);
        new Actions(browser.Driver).SendKeys(Keys.Escape).Perform();
        Thread.Sleep(500);
        Assert.Equal(appPage, browser.Driver.Url);

        browser.Screenshot("31-quick-exit-button-phone");
        // The button stays on screen at the bottom of a long page.
        browser.Driver.ExecuteScript("window.scrollTo(0, document.body.scrollHeight)");
        var button = browser.TestId("quick-exit");
        var top = Convert.ToDouble(browser.Driver.ExecuteScript("return arguments[0].getBoundingClientRect().bottom", button), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(top, 1, 844);
        button.Click();
        AssertLeftFor(browser, appPage, app.BaseUrl + BrowserApp.QuickExitPath);
        AssertAppPageNeeds(browser, "/account/login");
    }

    [Fact]
    public void With_a_pin_and_locking_chosen_esc_twice_locks_the_app_instead()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        browser.Go("/settings/security");
        browser.Type("Pin.Pin", "2580");
        browser.Type("Pin.IdleMinutes", "10");
        browser.Type("Pin.Password", "amber window falcon");
        browser.Submit("pin-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='security-message']")).Count > 0);
        browser.Go("/settings");
        browser.Find(By.Id("quick-exit-locks")).Click();
        browser.Submit("device-form");
        browser.Wait().Until(d => d.FindElement(By.Id("quick-exit-locks")).Selected);

        browser.Go("/help");
        browser.Go("/letters");
        var appPage = browser.Driver.Url;
        new Actions(browser.Driver).SendKeys(Keys.Escape).SendKeys(Keys.Escape).Perform();
        AssertLeftFor(browser, appPage, app.BaseUrl + BrowserApp.QuickExitPath);
        AssertAppPageNeeds(browser, "/lock");
    }
}
