using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Issue 25 through the real pipeline: truthful words, counts that agree, the cooling period before "Pursue", the
/// respect and resentment questions, and a next step on every road (no reply, no, yes).
/// </summary>
public abstract class RoadsTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private string email = "";

    private async Task<TestBrowser> StartedAsync(string? noContactFrom = "2026-10-01", bool abuse = false)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        email = Emails.New("roads");
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        await browser.AnswerSafetyAsync(abuse: abuse);
        await browser.StartNoContactAsync(startDate: noContactFrom);
        return browser;
    }

    [Fact]
    public async Task On_day_zero_no_page_says_the_target_was_reached()
    {
        using var browser = await StartedAsync(noContactFrom: null);
        // A decision made before the target sends the user to the inventory while the count is still at day 0.
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "not-now" })).StatusCode);
        foreach (var path in new[] { "/dashboard", "/no-contact", "/readiness", "/program" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("reached your", Page.Text(page.Html), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("reached it", Page.Text(page.Html), StringComparison.OrdinalIgnoreCase);
        }

        var readiness = await browser.GetAsync("/readiness");
        Assert.Contains("data-item=\"target\" data-status=\"notyet\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("30 more days to go.", readiness.TestId("readiness"), StringComparison.Ordinal);

        // Once the count really reaches the target, the no-contact page says so.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await SignInAgainAsync(browser);
        Assert.Contains("You reached your target of 30 days", Page.Text((await browser.GetAsync("/no-contact")).Html), StringComparison.Ordinal);
        Assert.Contains("data-item=\"target\" data-status=\"met\"", (await browser.GetAsync("/readiness")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signs_page_says_persistence_and_hostility_are_not_interest()
    {
        using var browser = await StartedAsync();
        var signs = await browser.GetAsync("/signs");
        Assert.Equal(HttpStatusCode.OK, signs.Status);
        Assert.Contains("not interest", signs.TestId("not-signs"), StringComparison.Ordinal);
        Assert.DoesNotContain("warm or angry", signs.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("keep finding reasons", signs.Html, StringComparison.Ordinal);
        // The old ids are no longer choices.
        var old = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/signs", new { chosen = new[] { "strong-feelings" } });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/signs", new { chosen = new[] { "talk-without-blame" } })).StatusCode);
    }

    private static Task<Page> CheckInAsync(TestBrowser browser, string date, bool contact, int urges = 0) =>
        browser.SubmitAsync($"/check-in?date={date}", new Dictionary<string, string>
        {
            ["Input.Date"] = date, ["Input.Mood"] = "5", ["Input.SleepHours"] = "7", ["Input.UrgeCount"] = urges.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StrongestUrge"] = urges > 0 ? "6" : "", ["Input.HadContact"] = contact ? "true" : "false", ["Input.Version"] = "0",
        });

    private static async Task<JsonElement[]> ContactsAsync(TestBrowser browser) =>
        (await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact/contacts")).EnumerateArray().ToArray();

    [Fact]
    public async Task A_check_in_with_contact_logs_it_in_no_contact_with_one_tap_and_never_twice()
    {
        using var browser = await StartedAsync(noContactFrom: "2026-10-01");
        Assert.Equal(32, (await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact")).GetProperty("streak").GetProperty("currentDays").GetInt32());
        var saved = await CheckInAsync(browser, "2026-11-02", contact: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await browser.GetAsync(saved.Location!);
        Assert.True(page.Has("check-in-contact"), "the check-in offers to log the contact");
        Assert.Contains("one tap", page.TestId("check-in-contact"), StringComparison.Ordinal);

        // One tap: "I reached out".
        var tapped = await browser.PostAsync("/check-in?handler=LogContact", new Dictionary<string, string> { ["contactDay"] = "2026-11-02", ["initiator"] = "Me" }, page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, tapped.Status);
        var after = await browser.GetAsync(tapped.Location!);
        Assert.True(after.Has("check-in-contact-logged"));
        Assert.False(after.Has("check-in-contact"), "no second offer once it is logged");
        var contacts = await ContactsAsync(browser);
        var only = Assert.Single(contacts);
        Assert.Equal("2026-11-02", only.GetProperty("localDate").GetString());
        Assert.Equal("me", only.GetProperty("initiator").GetString());
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact")).GetProperty("streak").GetProperty("currentDays").GetInt32());

        // A second tap (an old tab, the API) finds the day's contact and logs nothing more.
        var again = await browser.PostAsync("/check-in?handler=LogContact", new Dictionary<string, string> { ["contactDay"] = "2026-11-02", ["initiator"] = "Them" }, page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var api = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/check-ins/2026-11-02/contact", new { initiator = "them" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.False((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean());
        Assert.Single(await ContactsAsync(browser));
        Assert.True((await browser.GetAsync("/check-in?date=2026-11-02")).Has("check-in-contact-already"));
    }

    [Fact]
    public async Task A_day_already_in_the_contact_log_is_not_offered_again_and_a_check_in_without_contact_offers_nothing()
    {
        using var browser = await StartedAsync(noContactFrom: "2026-10-01");
        await browser.LogContactAsync("Them", "2026-11-01T20:00", "They texted about the keys.");
        var saved = await CheckInAsync(browser, "2026-11-01", contact: true);
        var page = await browser.GetAsync(saved.Location!);
        Assert.False(page.Has("check-in-contact"));
        Assert.True(page.Has("check-in-contact-already"));
        var api = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/check-ins/2026-11-01/contact", new { initiator = "me" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Single(await ContactsAsync(browser));

        await CheckInAsync(browser, "2026-10-31", contact: false);
        Assert.False((await browser.GetAsync("/check-in?date=2026-10-31")).Has("check-in-contact"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/check-ins/2026-10-31/contact", new { initiator = "me" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/check-ins/2026-10-30/contact", new { initiator = "me" })).StatusCode);

        // Without who started it, nothing is logged and the reason is named.
        await CheckInAsync(browser, "2026-10-30", contact: true);
        var missing = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/check-ins/2026-10-30/contact", new { initiator = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("who started", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await ContactsAsync(browser));
    }

    [Fact]
    public async Task The_urges_summary_counts_the_same_urges_as_the_chart()
    {
        using var browser = await StartedAsync();
        // Urges noted in check-ins only: nothing at the urge pause. The summary used to say "no urges logged" here.
        await CheckInAsync(browser, "2026-11-02", contact: false, urges: 3);
        await CheckInAsync(browser, "2026-10-31", contact: false, urges: 2);
        await CheckInAsync(browser, "2026-10-29", contact: false, urges: 0);
        var progress = await browser.GetAsync("/progress?range=30");
        var urgeSection = progress.Html[progress.Html.IndexOf("data-testid=\"urge-section\"", StringComparison.Ordinal)..];
        urgeSection = urgeSection[..urgeSection.IndexOf("</section>", StringComparison.Ordinal)];
        var chartTotal = System.Text.RegularExpressions.Regex.Matches(urgeSection, "<rect[^>]*data-value=\"([0-9]+)\"")
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, chartTotal);
        var summary = progress.TestId("weekly-summary")!;
        Assert.Contains("five urges noted in your check-ins", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("no urges", summary, StringComparison.OrdinalIgnoreCase);
        var weekly = await browser.GetJsonAsync<JsonElement>("/api/v1/progress/weekly");
        Assert.Equal(chartTotal, weekly.GetProperty("thisWeek").GetProperty("urgesInCheckIns").GetInt32());
        Assert.Equal(summary, weekly.GetProperty("sentence").GetString());
    }

    private static readonly Dictionary<string, string> FinishedInventory = new() { ["my-part"] = "I stopped listening.", ["their-part"] = "They stopped asking." };

    private static Task<HttpResponseMessage> PursueAsync(TestBrowser browser) =>
        browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love", "both-grew" }, decision = "pursue" });

    /// <summary>Moves the clock on and signs in again (a jump of days leaves the session idle).</summary>
    private async Task LaterAsync(TestBrowser browser, int days)
    {
        app.Clock.Set(Monday.AddDays(days));
        await SignInAgainAsync(browser);
    }

    /// <summary>After the clock jumps the session has gone idle: the first request ends it, then sign in again.</summary>
    private async Task SignInAgainAsync(TestBrowser browser)
    {
        if ((await browser.Client.GetAsync("/api/v1/program")).StatusCode != HttpStatusCode.OK)
        {
            var login = await browser.SignInAsync(email);
            Assert.True(login.Status == HttpStatusCode.Redirect, $"Sign-in answered {(int)login.Status}");
        }
    }

    [Fact]
    public async Task Pursue_opens_only_seven_days_after_the_finished_inventory_in_the_page_and_the_api()
    {
        using var browser = await StartedAsync();
        // No finished inventory: a cause alone isn't finished (your part and theirs are missing).
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication" } })).StatusCode);
        var early = await PursueAsync(browser);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("your part and theirs", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication" }, values = FinishedInventory })).StatusCode);
        var cooling = await browser.GetJsonAsync<JsonElement>("/api/v1/decide/cooling");
        Assert.False(cooling.GetProperty("pursueOpen").GetBoolean());
        Assert.Equal("2026-11-02", cooling.GetProperty("inventoryFinishedOn").GetString());
        Assert.Equal("2026-11-09", cooling.GetProperty("opensOn").GetString());
        Assert.Equal(7, cooling.GetProperty("daysLeft").GetInt32());
        Assert.Contains("week", cooling.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The page: the explanation and its choices, no Pursue button, the count and the reason.
        await browser.SubmitAsync("/decide", new List<KeyValuePair<string, string>> { new("Answers.Chosen", "love"), new("Answers.Chosen", "both-grew") });
        var decide = await browser.GetAsync("/decide");
        Assert.DoesNotContain("value=\"pursue\"", decide.Html, StringComparison.Ordinal);
        Assert.Contains("7 more days before Pursue opens", decide.TestId("cooling-count"), StringComparison.Ordinal);
        Assert.Contains("Pursue opens on 9 Nov 2026", decide.TestId("cooling-count"), StringComparison.Ordinal);

        // The handler refuses a posted "pursue" whatever the page showed, with the reason beside the decision.
        var forced = await browser.PostAsync("/decide?handler=Decision", new Dictionary<string, string> { ["decision"] = "pursue" }, decide.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Contains("more days before Pursue opens", forced.FieldError("Answers.Decision"), StringComparison.Ordinal);

        // "Not now" never waits, and "Pursue" right after it still respects the pause.
        var notNow = await browser.PostAsync("/decide?handler=Decision", new Dictionary<string, string> { ["decision"] = "not-now" }, decide.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, notNow.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PursueAsync(browser)).StatusCode);
        Assert.Equal("not-now", (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide"))[0].GetProperty("decision").GetString());

        // A later edit of the inventory doesn't restart the pause: it counts from the first finished version.
        await LaterAsync(browser, 6);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication", "goals" }, values = FinishedInventory })).StatusCode);
        Assert.Contains("one more day", (await browser.GetAsync("/decide")).TestId("cooling-count"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PursueAsync(browser)).StatusCode);

        await LaterAsync(browser, 7);
        var open = await browser.GetAsync("/decide");
        Assert.Contains("value=\"pursue\"", open.Html, StringComparison.Ordinal);
        Assert.Contains("wait until day 14", open.TestId("cooling-count"), StringComparison.Ordinal);
        var pursued = await browser.PostAsync("/decide?handler=Decision", new Dictionary<string, string> { ["decision"] = "pursue" }, open.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, pursued.Status);
        Assert.Equal("pursue", (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide"))[0].GetProperty("decision").GetString());
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/v1/decide/cooling")).GetProperty("pursueOpen").GetBoolean());
    }

    [Fact]
    public async Task The_pause_never_opens_what_the_safety_policy_closed()
    {
        using var browser = await StartedAsync(abuse: true);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication" }, values = FinishedInventory })).StatusCode);
        await LaterAsync(browser, 20);
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/v1/decide/cooling")).GetProperty("pursueOpen").GetBoolean());
        var pursue = await PursueAsync(browser);
        Assert.Equal(HttpStatusCode.Conflict, pursue.StatusCode);
        Assert.Contains("safety-answer", await pursue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_asks_about_respect_and_resentment_and_reads_a_not_yet_honestly()
    {
        using var browser = await StartedAsync();
        var readiness = await browser.GetAsync("/readiness");
        Assert.Contains("name=\"Answers.Values[respect]\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Answers.Values[resentment]\"", readiness.Html, StringComparison.Ordinal);
        Assert.False(readiness.Has("honest-reading"));

        var saved = await browser.PostAsync("/readiness", new Dictionary<string, string> { ["Answers.Values[respect]"] = "yes", ["Answers.Values[resentment]"] = "no" }, readiness.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var notYet = await browser.GetAsync("/readiness");
        Assert.Contains("data-item=\"respect\" data-status=\"met\"", notYet.Html, StringComparison.Ordinal);
        Assert.Contains("data-item=\"resentment\" data-status=\"notyet\"", notYet.Html, StringComparison.Ordinal);
        Assert.Contains("An honest not yet.", notYet.TestId("readiness"), StringComparison.Ordinal);
        Assert.Contains("not yet to respect or resentment", notYet.TestId("honest-reading"), StringComparison.Ordinal);
        // The saved answers come back checked in the form.
        Assert.Matches("<input[^>]*name=\"Answers.Values\\[resentment\\]\"[^>]*value=\"no\"[^>]*checked", notYet.Html);

        await browser.PostAsync("/readiness", new Dictionary<string, string> { ["Answers.Values[respect]"] = "yes", ["Answers.Values[resentment]"] = "yes" }, notYet.AntiforgeryToken());
        var ready = await browser.GetAsync("/readiness");
        Assert.Contains("data-item=\"resentment\" data-status=\"met\"", ready.Html, StringComparison.Ordinal);
        Assert.False(ready.Has("honest-reading"));
    }

    private static async Task<JsonElement> SilenceAsync(TestBrowser browser) => await browser.GetJsonAsync<JsonElement>("/api/v1/stages/silence");

    [Fact]
    public async Task No_reply_waits_the_chosen_days_allows_one_gentle_follow_up_then_leads_to_acceptance()
    {
        using var browser = await StartedAsync();
        Assert.Equal("none", (await SilenceAsync(browser)).GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-02", confirmBreakingNoContact = true })).StatusCode);
        var waiting = await SilenceAsync(browser);
        Assert.Equal("waiting", waiting.GetProperty("step").GetString());
        Assert.Equal(7, waiting.GetProperty("daysLeft").GetInt32());

        // The user sets the wait: a bad value is named beside the field and nothing changes.
        var stages = await browser.GetAsync("/stages");
        Assert.Contains("7 to go", stages.TestId("no-reply-count"), StringComparison.Ordinal);
        var bad = await browser.PostAsync("/stages?handler=WaitDays", new Dictionary<string, string> { ["WaitDays"] = "1" }, stages.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("between 2 and 30", bad.FieldError("WaitDays"), StringComparison.Ordinal);
        var set = await browser.PostAsync("/stages?handler=WaitDays", new Dictionary<string, string> { ["WaitDays"] = "5" }, stages.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.Equal(5, (await SilenceAsync(browser)).GetProperty("daysLeft").GetInt32());
        // A follow-up before the wait is over is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "follow-up" })).StatusCode);

        await LaterAsync(browser, 5);
        var silence = await browser.GetAsync("/stages");
        Assert.Contains("data-step=\"silence\"", silence.Html, StringComparison.Ordinal);
        var words = silence.TestId("no-reply")!;
        Assert.Contains("What it means:", words, StringComparison.Ordinal);
        Assert.Contains("What it doesn't mean:", words, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", words, StringComparison.OrdinalIgnoreCase);
        // The follow-up is a message to the ex: during no contact it is confirmed first, then counted as contact.
        var ask = await browser.PostAsync("/stages?handler=Silence", new Dictionary<string, string> { ["step"] = "follow-up" }, silence.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, ask.Status);
        Assert.Contains("This ends your no-contact streak", ask.TestId("confirm-contact"), StringComparison.Ordinal);
        Assert.Equal("silence", (await SilenceAsync(browser)).GetProperty("step").GetString());
        var followUp = await browser.PostAsync("/stages?handler=Silence", new Dictionary<string, string> { ["step"] = "follow-up", ["confirm"] = "true" }, ask.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, followUp.Status);
        Assert.Equal("waiting-after-follow-up", (await SilenceAsync(browser)).GetProperty("step").GetString());

        // At most one follow-up, whichever way it is asked for.
        var second = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "follow-up" });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("one gentle follow-up", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await browser.GetAsync("/stages");
        Assert.DoesNotContain("value=\"follow-up\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("One gentle follow-up", page.TestId("stage-log"), StringComparison.Ordinal);

        // No reply to the follow-up either: the road ends in acceptance, not in a failure screen.
        await LaterAsync(browser, 10);
        Assert.Equal("ended", (await SilenceAsync(browser)).GetProperty("step").GetString());
        var program = await browser.GetJsonAsync<JsonElement>("/api/v1/program");
        Assert.Equal("accept", program.GetProperty("recommended").GetString());
        Assert.Equal("AcceptTheSilence", program.GetProperty("nextStep").GetString());
        Assert.Contains("No reply", (await browser.GetAsync("/dashboard")).TestId("next-step"), StringComparison.Ordinal);
        var healing = await browser.GetAsync("/healing");
        Assert.True(healing.Has("ending-honoured"));
        Assert.True(healing.Has("silence-ending"));
        Assert.Contains("data-track=\"accept\"", healing.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", Page.Text(healing.TestId("silence-ending")!), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Letting_it_rest_leads_to_acceptance_a_reply_keeps_the_stages_going_and_a_no_is_grieved()
    {
        using var browser = await StartedAsync();
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", confirmBreakingNoContact = true });
        var stages = await browser.GetAsync("/stages");
        var rest = await browser.PostAsync("/stages?handler=Silence", new Dictionary<string, string> { ["step"] = "no-reply" }, stages.AntiforgeryToken());
        Assert.Equal("/healing", rest.Location);
        Assert.Equal("AcceptTheSilence", (await browser.GetJsonAsync<JsonElement>("/api/v1/program")).GetProperty("nextStep").GetString());

        // Another user: they replied, so the stages go on; then the talk ends in a no.
        using var other = await StartedAsync();
        await other.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-10-20", confirmBreakingNoContact = true });
        await other.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "light-talk", occurredOn = "2026-10-22", confirmBreakingNoContact = true });
        Assert.Equal("none", (await SilenceAsync(other)).GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "no-reply" })).StatusCode);
        Assert.False((await other.GetAsync("/stages")).Has("no-reply"));
        var talk = await other.GetAsync("/stages");
        var no = await other.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "outcome", ["Input.OccurredOn"] = "2026-11-02", ["Input.Outcome"] = "no" }, talk.AntiforgeryToken());
        Assert.Equal("/healing", no.Location);
        var healing = await other.GetAsync("/healing");
        Assert.True(healing.Has("ending-honoured"));
        Assert.Contains("grieve", healing.TestId("grief"), StringComparison.Ordinal);
        Assert.False(healing.Has("silence-ending"));
    }

    [Fact]
    public async Task The_silence_road_is_closed_with_the_rest_of_the_way_back_by_the_safety_policy()
    {
        using var browser = await StartedAsync(abuse: true);
        var days = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/stages/wait-days", new { days = 5 });
        Assert.Equal(HttpStatusCode.Conflict, days.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "follow-up" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "no-reply" })).StatusCode);
    }
}

public sealed class RoadsSqliteTests(SqliteApp app) : RoadsTests(app), IClassFixture<SqliteApp>;

public sealed class RoadsPostgresTests(PostgresApp app) : RoadsTests(app), IClassFixture<PostgresApp>;
