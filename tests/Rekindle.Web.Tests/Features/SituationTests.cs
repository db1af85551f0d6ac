using System.Net;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

public abstract class SituationTests(AppFactory app)
{
    private static string Phase(Page page) => Regex.Match(page.Html, "data-phase=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Saving_the_situation_leads_to_the_safety_screen_and_keeps_every_answer()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var saved = await browser.SaveSituationAsync(breakupDate: "2026-10-01", who: "Mutual", kind: "Fight", timeZone: "America/New_York", country: "US");
        Assert.Equal("/situation/safety", saved.Location);

        var page = await browser.GetAsync("/situation");
        Assert.Equal("2026-10-01", page.FieldValue("Input.BreakupDate"));
        Assert.Equal("26", page.FieldValue("Input.MonthsTogether"));
        Assert.Matches("value=\"Mutual\"[^>]*checked|checked[^>]*value=\"Mutual\"", page.Html);
        Assert.Matches("value=\"Fight\"[^>]*checked|checked[^>]*value=\"Fight\"", page.Html);
        Assert.Contains("<option selected=\"selected\" value=\"America/New_York\">", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_tie_turns_on_limited_contact()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync(ties: "SharesChildren");
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync();
        var page = await browser.GetAsync("/no-contact");
        Assert.Contains("Limited contact", page.TestId("streak"), StringComparison.Ordinal);

        var situation = await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/situation");
        Assert.True(situation.GetProperty("limitedContact").GetBoolean());
    }

    [Fact]
    public async Task A_future_breakup_date_is_refused_next_to_the_field_and_nothing_changes()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync(breakupDate: "2026-09-01");

        var page = await browser.SaveSituationAsync(breakupDate: "2027-01-05", who: "Me");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("in the future", page.FieldError("Input.BreakupDate"), StringComparison.Ordinal);
        Assert.Equal("2027-01-05", page.FieldValue("Input.BreakupDate"));
        Assert.True(page.Has("form-errors"));

        var stored = await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/situation");
        Assert.Equal("2026-09-01", stored.GetProperty("breakupDate").GetString());
        Assert.Equal("them", stored.GetProperty("whoEnded").GetString());
    }

    [Fact]
    public async Task Missing_answers_and_unknown_choices_are_named_field_by_field()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var page = await browser.SubmitAsync("/situation", new Dictionary<string, string>
        {
            ["Input.TimeZoneId"] = "Mars/Olympus_Mons",
            ["Input.CountryCode"] = "XX",
            ["Input.MonthsTogether"] = "-4",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input.WhoEnded"));
        Assert.NotNull(page.FieldError("Input.BreakupDate"));
        Assert.NotNull(page.FieldError("Input.BreakupKind"));
        Assert.NotNull(page.FieldError("Input.TimeZoneId"));
        Assert.NotNull(page.FieldError("Input.CountryCode"));
        Assert.NotNull(page.FieldError("Input.MonthsTogether"));
        Assert.Equal("-4", page.FieldValue("Input.MonthsTogether"));
    }

    [Fact]
    public async Task A_stale_form_never_overwrites_newer_answers()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync(breakupDate: "2026-09-01");
        var staleForm = await browser.GetAsync("/situation");
        var staleVersion = staleForm.FieldValue("Input.Version")!;

        await browser.SaveSituationAsync(breakupDate: "2026-09-10");

        var page = await browser.PostAsync("/situation", new Dictionary<string, string>
        {
            ["Input.Version"] = staleVersion,
            ["Input.WhoEnded"] = "Me",
            ["Input.BreakupDate"] = "2026-08-15",
            ["Input.BreakupKind"] = "Considered",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.CountryCode"] = "GB",
        }, staleForm.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("another tab or device", page.TestId("form-errors"), StringComparison.Ordinal);
        Assert.Equal("2026-08-15", page.FieldValue("Input.BreakupDate"));

        var stored = await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/situation");
        Assert.Equal("2026-09-10", stored.GetProperty("breakupDate").GetString());
    }

    [Fact]
    public async Task Every_safety_question_needs_an_explicit_answer()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        var page = await browser.SubmitAsync("/situation/safety", new Dictionary<string, string> { ["Input.Abuse"] = "false" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(3, Regex.Count(page.Html, "Please answer yes or no"));
    }

    [Theory]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(false, false, false, true)]
    public async Task Any_yes_on_the_safety_screen_pivots_to_the_healing_track(bool abuse, bool threats, bool controlling, bool betrayal)
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        var saved = await browser.AnswerSafetyAsync(abuse, threats, controlling, betrayal);
        Assert.Equal("/situation/safety", saved.Location);

        var safety = await browser.GetAsync("/situation/safety");
        Assert.Contains("won't coach you toward getting back together", safety.TestId("safety-pivot"), StringComparison.Ordinal);

        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Equal("heal", Phase(dashboard));
        Assert.Contains("/help", dashboard.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_safety_screen_moves_on_to_no_contact()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        var saved = await browser.AnswerSafetyAsync();
        Assert.Equal("/no-contact", saved.Location);
        Assert.Equal("stabilize", Phase(await browser.GetAsync("/dashboard")));
    }
}

public sealed class SituationSqliteTests(SqliteApp app) : SituationTests(app), IClassFixture<SqliteApp>;

public sealed class SituationPostgresTests(PostgresApp app) : SituationTests(app), IClassFixture<PostgresApp>;
