using OpenQA.Selenium;
using Rekindle.E2E.Tests.Infrastructure;
using static Rekindle.E2E.Tests.FirstSliceJourneyTests;

namespace Rekindle.E2E.Tests;

/// <summary>
/// Three whole journeys through the program in a real browser, each with screenshots: back together and
/// rebuilding; the talk ending in a no and accepting it; and the safety screen turning reconciliation off.
/// </summary>
public sealed class ProgramJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static void WaitFor(Browser browser, string testId) =>
        browser.Wait().Until(d => d.FindElements(By.CssSelector($"[data-testid='{testId}']")).Count > 0);

    private static void Tick(Browser browser, string name, string value) =>
        browser.Find(By.CssSelector($"input[name='{name}'][value='{value}']")).Click();

    /// <summary>No contact to its target, the plan, the inventory, the decision to pursue, readiness, and the stages up to the talk.</summary>
    private void ToTheTalk(Browser browser, string prefix)
    {
        var email = NewEmail();
        Register(browser, email);
        DescribeSituation(browser, breakupDate: "2026-09-20");
        ClearSafetyScreenAndStart(browser, "2026-09-25");   // 38 days by the app's clock: past a 30-day target

        browser.Go("/today");
        WaitFor(browser, "today");
        browser.ClickToLoad(browser.Find(By.CssSelector("[data-item='action'] button")));
        browser.Wait().Until(d => d.FindElement(By.CssSelector("[data-item='action']")).GetAttribute("data-done") == "true");
        browser.Screenshot($"{prefix}-01-today");

        browser.Go("/dashboard");
        Assert.Equal("reflect", browser.TestId("phase").GetAttribute("data-phase"));
        browser.TestId("next-step").FindElement(By.CssSelector("a.button")).Click();
        browser.WaitForPath("/inventory");
        Tick(browser, "Answers.Chosen", "circumstances");
        Tick(browser, "Answers.Chosen", "communication");
        browser.Type("Answers.Values[my-part]", "I shut down instead of saying what I needed.");
        browser.Type("Answers.Values[their-part]", "They were working two jobs and rarely home.");
        browser.Type("Answers.Values[changed]", "I've been in counselling since August; their job ended.");
        browser.Submit("inventory-form");
        WaitFor(browser, "saved");
        browser.Screenshot($"{prefix}-02-inventory");

        // "Pursue" opens a week after the finished inventory. A jump of days may leave the session idle: sign in again.
        app.Clock.Advance(TimeSpan.FromDays(7));
        browser.Go("/decide");
        if (browser.Path_.StartsWith("/account/login", StringComparison.Ordinal))
        {
            browser.Type("Input.Email", email);
            browser.Type("Input.Password", "amber window falcon");
            browser.Find(By.CssSelector("form button[type='submit']")).Click();
            browser.Wait().Until(d => !d.Url.Contains("/account/login", StringComparison.Ordinal));
            browser.Go("/decide");
        }

        foreach (var id in new[] { "love", "could-work", "both-grew", "situational", "from-strength" })
        {
            Tick(browser, "Answers.Chosen", id);
        }

        foreach (var question in new[] { "why-ended", "what-changed", "how-ended", "future", "pros-outweigh", "let-go-past", "ready-commit" })
        {
            Tick(browser, $"Answers.Values[{question}]", "yes");
        }

        browser.Submit("decide-form");
        WaitFor(browser, "advice");
        Assert.Equal("OpenToTrying", browser.TestId("advice").GetAttribute("data-leaning"));
        browser.TestId("decision-form").FindElement(By.CssSelector("button[value='pursue']")).Click();
        WaitFor(browser, "current-decision");
        browser.Screenshot($"{prefix}-03-decide");

        browser.Go("/readiness");
        Assert.Equal("met", browser.Find(By.CssSelector("[data-item='pursue']")).GetAttribute("data-status"));
        Assert.Equal("met", browser.Find(By.CssSelector("[data-item='target']")).GetAttribute("data-status"));
        Tick(browser, "Answers.Values[confident]", "yes");
        Tick(browser, "Answers.Values[okay-if-no]", "yes");
        browser.Submit("readiness-form");
        WaitFor(browser, "saved");
        Assert.Equal("met", browser.Find(By.CssSelector("[data-item='okay-if-no']")).GetAttribute("data-status"));
        browser.Screenshot($"{prefix}-04-readiness");

        foreach (var stage in new[] { "first-message", "light-talk", "call", "casual-meeting", "date", "the-talk" })
        {
            LogStage(browser, stage, null, $"{stage} went fine.");
        }

        Assert.Equal("outcome", browser.TestId("stages").GetAttribute("data-next"));
        browser.Screenshot($"{prefix}-05-stages");
    }

    private static void LogStage(Browser browser, string stage, string? outcome, string note)
    {
        browser.Go("/stages");
        browser.Find(By.CssSelector($"select[name='Input.Stage'] option[value='{stage}']")).Click();
        browser.SetValue("Input.OccurredOn", "2026-11-02");
        if (outcome is not null)
        {
            Tick(browser, "Input.Outcome", outcome);
        }

        browser.Type("Input.Note", note);
        browser.Submit("stage-form");
        // During no contact, a stage that means contact asks first (the day's first one); logging it counts the contact.
        if (browser.Driver.FindElements(By.CssSelector("[data-testid='confirm-contact']")).Count > 0)
        {
            browser.ClickToLoad(browser.TestId("confirm-contact-yes"));
        }

        browser.Wait().Until(d => d.Url.EndsWith("/stages", StringComparison.Ordinal) || d.Url.EndsWith("/healing", StringComparison.Ordinal));
    }

    [Fact]
    public void Pursue_then_they_say_yes_and_the_couple_rebuilds()
    {
        using var browser = new Browser(app.BaseUrl);
        ToTheTalk(browser, "50-yes");
        LogStage(browser, "outcome", "yes", "They said yes. We're taking it slowly.");
        WaitFor(browser, "rebuild");
        browser.Type("CheckIn.Values[need-more]", "More time together on weekends, less phone at dinner.");
        browser.Type("CheckIn.Values[disagree]", "We paused and came back to it the next morning.");
        browser.Submit("rebuild-form");
        browser.Wait().Until(d => d.FindElements(By.CssSelector("[data-testid='rebuild'] [data-testid='history'] li")).Count == 1);
        browser.Screenshot("50-yes-06-rebuild");

        browser.Go("/dashboard");
        Assert.Equal("rebuild", browser.TestId("phase").GetAttribute("data-phase"));
        browser.Screenshot("50-yes-07-dashboard");
    }

    [Fact]
    public void Pursue_then_they_say_no_and_the_ending_is_accepted()
    {
        using var browser = new Browser(app.BaseUrl, width: 390, height: 844);
        ToTheTalk(browser, "51-no");
        LogStage(browser, "outcome", "no", "They said no, kindly.");
        browser.WaitForPath("/healing");
        Assert.True(browser.TestId("ending-honoured").Displayed);
        Assert.Equal("accept", browser.TestId("healing").GetAttribute("data-track"));
        Tick(browser, "Answers.Chosen", "lessons");
        browser.Submit("healing-form");
        WaitFor(browser, "saved");
        browser.Screenshot("51-no-06-accept-phone");

        browser.Go("/dashboard");
        Assert.Equal("accept", browser.TestId("phase").GetAttribute("data-phase"));
    }

    [Fact]
    public void The_safety_screen_flags_abuse_and_reconciliation_pages_refuse_with_an_explanation()
    {
        using var browser = new Browser(app.BaseUrl);
        Register(browser, NewEmail());
        DescribeSituation(browser, breakupDate: "2026-09-20");
        browser.TestId("Abuse-yes").Click();
        foreach (var question in new[] { "Threats", "Controlling", "RepeatedBetrayal" })
        {
            browser.TestId($"{question}-no").Click();
        }

        browser.Submit("safety-form");
        WaitFor(browser, "safety-pivot");
        browser.Go("/dashboard");
        Assert.Equal("heal", browser.TestId("phase").GetAttribute("data-phase"));
        browser.Screenshot("52-safety-01-dashboard");

        foreach (var (path, shot) in new[] { ("/decide", "02-decide-refused"), ("/stages", "03-stages-refused"), ("/program/reach-out", "04-reach-out-refused") })
        {
            browser.Go(path);
            Assert.Contains("switched off", browser.TestId("refused").Text, StringComparison.Ordinal);
            browser.Screenshot($"52-safety-{shot}");
        }

        browser.Go("/program");
        Assert.Equal("false", browser.Find(By.CssSelector("[data-phase='talk']")).GetAttribute("data-allowed"));
        browser.Go("/healing");
        Assert.Equal("heal", browser.TestId("healing").GetAttribute("data-track"));
        Tick(browser, "Answers.Chosen", "support");
        browser.Submit("healing-form");
        WaitFor(browser, "saved");
        browser.Screenshot("52-safety-05-healing");
    }
}
