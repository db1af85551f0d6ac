using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>Words of crisis written in the journal or the urge box are met with help at the top of the next page.</summary>
public sealed class CrisisJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string CrisisCard = "[data-safety-level='crisis']";

    private static void Start(Browser browser)
    {
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-29");
    }

    private static void WriteEntry(Browser browser, string body)
    {
        browser.Go("/journal/new");
        browser.Type("Input.Body", body);
        browser.Submit("entry-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='entry']")).Count > 0);
        Assert.StartsWith("/journal/", browser.Path_, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_entry_about_ending_it_is_saved_and_crisis_help_sits_at_the_top()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Start(browser);

        WriteEntry(browser, "Everything feels pointless. I want to kill myself tonight.");
        var card = browser.Find(By.CssSelector(CrisisCard));
        Assert.True(card.Displayed);
        Assert.Equal("alert", card.GetAttribute("role"));
        Assert.NotEmpty(card.FindElements(By.CssSelector("a[href^='tel:']")));
        Assert.NotEmpty(card.FindElements(By.CssSelector("[data-testid='safety-plan-link']")));
        // The card comes before the entry on the page, and the entry was kept as written.
        Assert.True(Convert.ToBoolean(browser.Driver.ExecuteScript(
            "return (document.querySelector(arguments[0]).compareDocumentPosition(document.querySelector(\"[data-testid='entry']\")) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;", CrisisCard),
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("I want to kill myself tonight.", browser.TestId("entry-body").Text, StringComparison.Ordinal);
        browser.Screenshot("80-crisis-journal-phone");
    }

    [Fact]
    public void An_urge_whose_words_speak_of_ending_it_shows_crisis_help_on_the_waiting_page()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Start(browser);

        browser.Go("/urge");
        browser.Type("Input.Intensity", "9");
        browser.Type("Input.WantedToSay", "If you don't answer I want to kill myself tonight.");
        browser.Choose("Input.Alternative", "CallAFriend");
        browser.Submit("urge-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector(CrisisCard)).Count > 0);
        Assert.StartsWith("/urge/", browser.Path_, StringComparison.Ordinal);
        var card = browser.Find(By.CssSelector(CrisisCard));
        Assert.True(card.Displayed);
        Assert.NotEmpty(card.FindElements(By.CssSelector("a[href^='tel:']")));
        browser.Screenshot("81-crisis-urge-phone");
    }

    [Fact]
    public void An_ordinary_journal_entry_shows_no_card()
    {
        using var browser = new Browser(app.BaseUrl);
        Start(browser);

        WriteEntry(browser, "Walked to the market and bought too many lemons. A quiet, ordinary day.");
        Assert.Contains("too many lemons", browser.TestId("entry-body").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("[data-safety-level]")));
        Assert.Empty(browser.Driver.FindElements(By.CssSelector(".safety-card")));
    }
}
