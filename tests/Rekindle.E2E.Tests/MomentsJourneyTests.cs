using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>The critical moment in a real browser: the urge to text, the pause, the letter, the outcome.</summary>
public sealed class MomentsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void The_urge_to_text_is_paused_written_down_and_passes()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-29");
        Assert.Equal("4", browser.TestId("current-streak").Text);

        // The SOS link is on every page while no contact is on.
        browser.TestId("urge-link").Click();
        browser.WaitForPath("/urge");
        Assert.True(browser.TestId("urge-pause").Displayed);
        // The countdown runs in the page, its words from the page's strings with the number filled in.
        browser.Wait(5).Until(d => d.FindElement(By.CssSelector("[data-timer]")).Text.Contains("seconds", StringComparison.Ordinal));
        Assert.Matches(@"^\d{1,2} seconds$", browser.Find(By.CssSelector("[data-timer]")).Text);
        browser.Screenshot("10-urge-pause-phone");

        browser.Type("Input.Intensity", "8");
        browser.Type("Input.WantedToSay", "I saw your sister today and it all came back. Can we just talk for five minutes?");
        browser.Type("Input.Trigger", "Ran into their sister");
        browser.Choose("Input.Alternative", "CallAFriend");
        browser.Submit("urge-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='urge-wait']")).Count > 0);
        Assert.Contains("call or message a friend", browser.TestId("urge-wait").Text, StringComparison.Ordinal);
        browser.Screenshot("11-urge-wait-phone");

        browser.Find(By.CssSelector("button[value='Passed']")).Click();
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='urge-passed']")).Count > 0);
        Assert.Contains("8 out of 10", browser.TestId("urge-passed").Text, StringComparison.Ordinal);

        // The words were kept as an unsent letter, and the count is untouched.
        browser.Find(By.LinkText("Read your unsent letter")).Click();
        Assert.Contains("Can we just talk for five minutes?", browser.TestId("letter").Text, StringComparison.Ordinal);
        browser.Go("/no-contact");
        Assert.Equal("4", browser.TestId("current-streak").Text);
    }

    [Fact]
    public void Unsent_letters_are_written_found_and_deleted()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-29");

        browser.Go("/letters");
        foreach (var text in new[] { "The kettle you bought still whistles every morning.", "I'm angry that you left the way you did." })
        {
            browser.Type("Input.Body", text);
            browser.Submit("letter-form");
            browser.WaitForPath("/letters");
        }

        Assert.Equal(2, browser.TestId("letters").FindElements(By.CssSelector("li")).Count);
        browser.Type("q", "kettle");
        browser.ClickToLoad(browser.Find(By.CssSelector("form[role='search'] button")));
        var found = browser.TestId("letters").FindElements(By.CssSelector("li"));
        Assert.Single(found);
        browser.Screenshot("12-letters-search");

        found[0].FindElement(By.LinkText("Read or delete")).Click();
        Assert.Contains("kettle", browser.TestId("letter").Text, StringComparison.Ordinal);
        browser.Submit("delete-letter-form");
        browser.WaitForPath("/letters");
        var left = browser.TestId("letters").FindElements(By.CssSelector("li"));
        Assert.Single(left);
        Assert.Contains("angry", left[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_from_them_is_judged_on_substance()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        ClearSafetyScreenAndStart(browser, "2026-10-29");

        browser.Go("/ex-messages");
        browser.Type("Input.Text", "hey stranger, saw this and thought of u");
        browser.SetValue("Input.ReceivedAt", "2026-11-01T23:40");
        browser.TestId("Vague-yes").Click();
        browser.TestId("AcknowledgesWhatWentWrong-no").Click();
        browser.Submit("ex-message-form");
        var judgement = browser.TestId("ex-message-judgement");
        Assert.Equal("Breadcrumbs", judgement.GetAttribute("data-substance"));
        Assert.Contains("It can wait", browser.TestId("ex-message-advice").Text, StringComparison.Ordinal);
        browser.Screenshot("13-ex-message");
    }
}
