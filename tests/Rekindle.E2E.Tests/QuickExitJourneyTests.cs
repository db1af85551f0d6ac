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
        browser.TestId("quick-exit").Click();
        AssertLeftFor(browser, appPage, app.BaseUrl + BrowserApp.QuickExitPath);
    }
}
