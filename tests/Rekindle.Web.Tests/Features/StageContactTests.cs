using System.Net;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Issue 24, item 7, through the real pipeline: the stages form chooses nothing for the user, and a stage that means
/// contact during no contact is confirmed first (a second step on the page, 409 in the API) and then counted as
/// contact in the no-contact log, so the count and the stages agree.
/// </summary>
public abstract class StageContactTests(AppFactory app)
{
    /// <summary>2 November 2026, afternoon in London: no contact began on 1 October, so the streak is 32 days.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> StartedAsync(string? noContactFrom = "2026-10-01")
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("stage-contact"));
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        await browser.AnswerSafetyAsync();
        if (noContactFrom is not null)
        {
            await browser.StartNoContactAsync(startDate: noContactFrom);
        }

        return browser;
    }

    private static async Task<JsonElement> NoContactAsync(TestBrowser browser) => await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact");

    private static async Task<int> StageCountAsync(TestBrowser browser) => (await browser.GetJsonAsync<JsonElement>("/api/v1/stages")).GetArrayLength();

    private static string StageForm(Page page)
    {
        var start = page.Html.IndexOf("data-testid=\"stage-form\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has the stage form.");
        return page.Html[start..page.Html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_form_chooses_no_stage_or_day_and_an_empty_one_is_refused_beside_the_field_keeping_what_was_typed()
    {
        using var browser = await StartedAsync();
        var stages = await browser.GetAsync("/stages");
        var form = StageForm(stages);
        Assert.Contains("<option value=\"\">Choose a stage</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", form, StringComparison.Ordinal);
        Assert.Equal("", stages.FieldValue("Input.OccurredOn"));
        Assert.Matches("<select[^>]*required", form);
        Assert.Matches("<input[^>]*type=\"date\"[^>]*required", form);

        // One tap on "Log it" logs nothing: both fields say what is missing, and the note is still there.
        var empty = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "", ["Input.OccurredOn"] = "", ["Input.Note"] = "Drafted it twice." }, stages.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Choose the stage that happened.", empty.FieldError("Input.Stage"));
        Assert.Equal("When did it happen?", empty.FieldError("Input.OccurredOn"));
        Assert.Equal("Drafted it twice.", empty.FieldValue("Input.Note"));
        Assert.False(empty.Has("confirm-contact"));

        // A stage without a day: the stage chosen stays chosen.
        var noDay = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "call", ["Input.Note"] = "Drafted it twice." }, stages.AntiforgeryToken());
        Assert.Equal("When did it happen?", noDay.FieldError("Input.OccurredOn"));
        Assert.Null(noDay.FieldError("Input.Stage"));
        Assert.Matches("<option(?=[^>]*selected)[^>]*value=\"call\"", StageForm(noDay));
        Assert.Equal("Drafted it twice.", noDay.FieldValue("Input.Note"));

        Assert.Equal(0, await StageCountAsync(browser));
        Assert.Equal(0, (await NoContactAsync(browser)).GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task A_contact_stage_during_no_contact_asks_first_and_once_confirmed_counts_as_contact()
    {
        using var browser = await StartedAsync();
        Assert.Equal(32, (await NoContactAsync(browser)).GetProperty("streak").GetProperty("currentDays").GetInt32());
        var stages = await browser.GetAsync("/stages");
        var fields = new Dictionary<string, string> { ["Input.Stage"] = "first-message", ["Input.OccurredOn"] = "2026-11-02", ["Input.Note"] = "Short and warm." };

        // The first tap asks, with what was typed still in the form, and logs nothing anywhere.
        var ask = await browser.PostAsync("/stages", fields, stages.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, ask.Status);
        var question = ask.TestId("confirm-contact")!;
        Assert.Contains("This ends your no-contact streak", question, StringComparison.Ordinal);
        Assert.Contains("Log it anyway?", question, StringComparison.Ordinal);
        Assert.True(ask.Has("confirm-contact-yes"));
        Assert.False(ask.Has("form-errors"));
        Assert.Equal("2026-11-02", ask.FieldValue("Input.OccurredOn"));
        Assert.Equal("Short and warm.", ask.FieldValue("Input.Note"));
        Assert.Matches("<option(?=[^>]*selected)[^>]*value=\"first-message\"", StageForm(ask));
        Assert.Equal(0, await StageCountAsync(browser));
        var before = await NoContactAsync(browser);
        Assert.Equal(0, before.GetProperty("contacts").GetArrayLength());
        Assert.Equal(32, before.GetProperty("streak").GetProperty("currentDays").GetInt32());

        // "Log it anyway": the stage is logged, and the contact with it in no contact, so the count starts again.
        var confirmed = await browser.PostAsync("/stages", new Dictionary<string, string>(fields) { ["Input.ConfirmBreakingNoContact"] = "true" }, ask.AntiforgeryToken());
        Assert.Equal("/stages", confirmed.Location);
        Assert.Equal(1, await StageCountAsync(browser));
        var after = await NoContactAsync(browser);
        var contact = Assert.Single(after.GetProperty("contacts").EnumerateArray());
        Assert.Equal("me", contact.GetProperty("initiator").GetString());
        Assert.True(contact.GetProperty("restartedCount").GetBoolean());
        Assert.Equal("2026-11-02", contact.GetProperty("localDate").GetString());
        Assert.Contains("First message", contact.GetProperty("note").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, after.GetProperty("streak").GetProperty("currentDays").GetInt32());
        Assert.Equal(1, after.GetProperty("streak").GetProperty("restarts").GetInt32());

        // The day's contact is counted once: another stage that day is logged without asking, and not counted again.
        var again = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "light-talk", ["Input.OccurredOn"] = "2026-11-02" }, ask.AntiforgeryToken());
        Assert.Equal("/stages", again.Location);
        Assert.Equal(2, await StageCountAsync(browser));
        Assert.Single((await NoContactAsync(browser)).GetProperty("contacts").EnumerateArray());
    }

    [Fact]
    public async Task The_api_answers_409_until_the_request_confirms_then_logs_the_stage_and_the_contact()
    {
        using var browser = await StartedAsync();
        var refused = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", note = "Short and warm." });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://rekindle.invalid/problems/confirm-breaking-no-contact", problem.GetProperty("type").GetString());
        Assert.Equal("confirmBreakingNoContact", problem.GetProperty("confirmWith").GetString());
        Assert.Contains("no contact", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await StageCountAsync(browser));
        Assert.Equal(0, (await NoContactAsync(browser)).GetProperty("contacts").GetArrayLength());

        // Bad input is still a 400 first: the question is only asked about a stage that could be logged.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message" })).StatusCode);

        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", note = "Short and warm.", confirmBreakingNoContact = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("first-message", view.GetProperty("stage").GetString());
        Assert.Equal("2026-11-01", view.GetProperty("contact").GetProperty("contact").GetProperty("localDate").GetString());
        // Contact yesterday: the count began again then, and today is its first full day.
        Assert.Equal(1, view.GetProperty("contact").GetProperty("streak").GetProperty("currentDays").GetInt32());
        var noContact = await NoContactAsync(browser);
        Assert.Single(noContact.GetProperty("contacts").EnumerateArray());
        Assert.Equal(1, noContact.GetProperty("streak").GetProperty("currentDays").GetInt32());

        // Their answer is not contact of the user's own: the outcome is logged without asking.
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "outcome", occurredOn = "2026-11-02", outcome = "yes" })).StatusCode);
    }

    [Fact]
    public async Task Before_no_contact_begins_a_stage_is_logged_without_asking_and_nothing_is_counted()
    {
        using var browser = await StartedAsync(noContactFrom: null);
        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-02" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.TryGetProperty("contact", out _));
        Assert.Equal(0, (await NoContactAsync(browser)).GetProperty("contacts").GetArrayLength());
    }
}

public sealed class StageContactSqliteTests(SqliteApp app) : StageContactTests(app), IClassFixture<SqliteApp>;

public sealed class StageContactPostgresTests(PostgresApp app) : StageContactTests(app), IClassFixture<PostgresApp>;
