using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;

namespace Rekindle.E2E.Tests;

/// <summary>The first slice as a person uses it, in a real browser: sign up, situation, safety, no contact, a slip.</summary>
public sealed class FirstSliceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    internal static string NewEmail() => $"e2e-{Guid.NewGuid():N}@example.test";

    internal static void Register(Browser browser, string email)
    {
        browser.Go("/account/register");
        browser.Type("Input.Email", email);
        browser.Type("Input.Password", "amber window falcon");
        browser.Find(By.CssSelector("form button[type='submit']")).Click();
        browser.WaitForPath("/situation");
    }

    internal static void DescribeSituation(Browser browser, string breakupDate = "2026-10-20")
    {
        browser.Choose("Input.WhoEnded", "Them");
        browser.SetValue("Input.BreakupDate", breakupDate);
        browser.Type("Input.MonthsTogether", "30");
        browser.Choose("Input.BreakupKind", "Considered");
        browser.Find(By.CssSelector("select[name='Input.TimeZoneId'] option[value='Europe/London']")).Click();
        browser.Find(By.CssSelector("select[name='Input.CountryCode'] option[value='GB']")).Click();
        browser.Submit("situation-form");
        browser.WaitForPath("/situation/safety");
    }

    internal static void ClearSafetyScreenAndStart(Browser browser, string startDate)
    {
        foreach (var question in new[] { "Abuse", "Threats", "Controlling", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        browser.WaitForPath("/no-contact");
        browser.SetValue("Start.StartDate", startDate);
        browser.Submit("start-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='current-streak']")).Count > 0);
    }

    [Fact]
    public void Register_describe_the_situation_start_no_contact_slip_and_start_again()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        browser.Screenshot("01-situation-form");
        DescribeSituation(browser);

        foreach (var question in new[] { "Abuse", "Threats", "Controlling", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        browser.WaitForPath("/no-contact");

        // Thirty days is offered; no contact began a week ago.
        Assert.Equal("30", browser.Find(By.Name("Start.TargetDays")).GetAttribute("value"));
        browser.SetValue("Start.StartDate", "2026-10-26");
        browser.Submit("start-form");
        browser.WaitForPath("/no-contact");
        Assert.Equal("7", browser.TestId("current-streak").Text);
        Assert.Equal("14 days, 7 to go", browser.TestId("next-milestone").Text);
        browser.Screenshot("02-no-contact-day-8");

        // A slip: the user texted them. The count starts again, kindly, and the history keeps it.
        browser.Choose("Contact.Initiator", "Me");
        browser.Type("Contact.Note", "Sent a long message after midnight.");
        browser.Submit("contact-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='contact-advice']")).Count > 0);
        Assert.Equal("0", browser.TestId("current-streak").Text);
        Assert.Equal("7 days", browser.TestId("longest-streak").Text);
        Assert.Contains("isn't a failure", browser.TestId("contact-advice").Text, StringComparison.Ordinal);
        Assert.Contains("Sent a long message after midnight.", browser.TestId("history").Text, StringComparison.Ordinal);
        browser.Screenshot("03-no-contact-fresh-start");

        browser.Go("/dashboard");
        Assert.Equal("no-contact", browser.TestId("phase").GetAttribute("data-phase"));
        Assert.Equal("0", browser.TestId("current-streak").Text);
        browser.Screenshot("04-dashboard");
    }

    [Fact]
    public void Bad_input_is_explained_beside_the_field_and_what_was_typed_stays()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        foreach (var question in new[] { "Abuse", "Threats", "Controlling", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        browser.WaitForPath("/no-contact");
        browser.Type("Start.TargetDays", "90");
        browser.Submit("start-form");
        var error = browser.Find(By.CssSelector("[data-valmsg-for='Start.TargetDays']"));
        Assert.Contains("from 21 to 45", error.Text, StringComparison.Ordinal);
        Assert.Equal("90", browser.Find(By.Name("Start.TargetDays")).GetAttribute("value"));

        browser.Choose("Contact.Initiator", "Them");
        browser.SetValue("Contact.OccurredAt", "2026-10-01T09:00");
        browser.Type("Contact.Note", "They messaged about the dog.");
        browser.Submit("contact-form");
        Assert.Contains("before the breakup", browser.Find(By.CssSelector("[data-valmsg-for='Contact.OccurredAt']")).Text, StringComparison.Ordinal);
        Assert.Equal("They messaged about the dog.", browser.Find(By.Name("Contact.Note")).GetAttribute("value"));
        browser.Screenshot("05-bad-input");
    }

    [Fact]
    public void A_yes_on_the_safety_screen_turns_to_the_healing_track_and_help_is_one_tap_away()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        Register(browser, NewEmail());
        DescribeSituation(browser);
        browser.TestId("Abuse-yes").Click();
        foreach (var question in new[] { "Threats", "Controlling", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        Assert.Contains("won't coach you toward getting back together", browser.TestId("safety-pivot").Text, StringComparison.Ordinal);
        browser.Screenshot("06-safety-pivot-phone");

        browser.Go("/dashboard");
        Assert.Equal("heal", browser.TestId("phase").GetAttribute("data-phase"));

        browser.TestId("crisis-link").Click();
        browser.WaitForPath("/help");
        var help = browser.TestId("help");
        Assert.Equal("GB", help.GetAttribute("data-country"));
        Assert.Contains("116 123", help.Text, StringComparison.Ordinal);
        Assert.Contains("0808 2000 247", help.Text, StringComparison.Ordinal);
        browser.Screenshot("07-help-phone");
    }

    [Fact]
    public void Pages_load_nothing_from_other_hosts()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        foreach (var path in new[] { "/", "/situation", "/no-contact", "/dashboard", "/help" })
        {
            browser.Go(path);
            var hosts = (System.Collections.ObjectModel.ReadOnlyCollection<object>)browser.Driver.ExecuteScript(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).host);")!;
            Assert.All(hosts.Cast<string>(), host => Assert.Equal(new Uri(app.BaseUrl).Authority, host));
        }
    }
}
