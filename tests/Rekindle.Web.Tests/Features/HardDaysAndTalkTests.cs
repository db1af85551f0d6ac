using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Issue 25's talk worksheet and dates that will hurt, through the real pipeline: pages and API, the reconciliation
/// policy, the dashboard's card in the user's own days, the calendar file, export and import, and account deletion.
/// </summary>
public abstract class HardDaysAndTalkTests(AppFactory app)
{
    private const string Password = "lantern orchard velvet";
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<(TestBrowser Browser, string Email)> SignedInAsync(string who, string timeZone = "Europe/London", bool safetyAnswered = true)
    {
        app.Clock.Set(Monday);
        var email = Emails.New(who);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(email, Password, timeZone);
        await browser.SaveSituationAsync(breakupDate: "2026-09-30", timeZone: timeZone);
        if (safetyAnswered)
        {
            await browser.AnswerSafetyAsync();
        }

        return (browser, email);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RekindleDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The raw values of one column for a user, read with plain SQL.</summary>
    private async Task<List<string>> RawAsync(string table, string column, Guid userId)
    {
        await using var connection = Database.OpenConnection(app.Provider, app.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"UserId\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = app.Provider == DatabaseProvider.Sqlite ? userId.ToString().ToUpperInvariant() : userId;
        command.Parameters.Add(parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<Page> ImportAsync(TestBrowser browser, JsonNode exported) => ImportAsync(browser, Encoding.UTF8.GetBytes(exported.ToJsonString()));

    private static async Task<Page> ImportAsync(TestBrowser browser, byte[] bytes)
    {
        var settings = await browser.GetAsync("/settings");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "export.json");
        form.Add(new StringContent(settings.AntiforgeryToken()), "__rvt");
        var response = await browser.Client.PostAsync("/settings?handler=Import", form);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    // ---- The talk worksheet ----

    [Fact]
    public async Task The_worksheet_starts_from_the_inventory_saves_encrypted_prints_and_keeps_what_was_typed_when_too_long()
    {
        var (browser, email) = await SignedInAsync("talk");
        using var _b = browser;
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new
        {
            chosen = new[] { "communication" },
            values = new Dictionary<string, string> { ["my-part"] = "Wombat-own: I went quiet.", ["their-part"] = "They went quiet too.", ["changed"] = "Wombat-changed: I say it out loud now." },
        })).StatusCode);

        // Before anything is saved, the page and the API start from the inventory.
        var page = await browser.GetAsync("/talk-prep");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Has("talk-prep-from-inventory"));
        Assert.Equal("Wombat-own: I went quiet.", page.FieldValue("Input.Own"));
        Assert.Equal("Wombat-changed: I say it out loud now.", page.FieldValue("Input.Changed"));
        Assert.Equal("", page.FieldValue("Input.WalkAway"));
        var fresh = await browser.GetJsonAsync<JsonElement>("/api/v1/talk-prep");
        Assert.True(fresh.GetProperty("fromInventory").GetBoolean());
        Assert.Equal(0, fresh.GetProperty("version").GetInt32());

        // Saved on the page; the printable sheet holds what is saved, for the print stylesheet to show alone.
        var saved = await browser.SubmitAsync("/talk-prep", new Dictionary<string, string>
        {
            ["Input.Own"] = "Wombat-own: I went quiet.", ["Input.Changed"] = "I say it out loud now.", ["Input.Want"] = "To start slowly.",
            ["Input.Ask"] = "What would you need from me?", ["Input.WalkAway"] = "Wombat-walk: shouting.\nBeing lied to.", ["Input.Version"] = "0",
        });
        Assert.Equal("/talk-prep?saved=true", saved.Location);
        page = await browser.GetAsync("/talk-prep?saved=true");
        Assert.True(page.Has("talk-prep-saved"));
        Assert.False(page.Has("talk-prep-from-inventory"));
        var sheet = page.Html[page.Html.IndexOf("data-testid=\"talk-prep-sheet\"", StringComparison.Ordinal)..];
        Assert.Contains("class=\"print-only talk-prep-sheet\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"auto\">Being lied to.</p>", sheet, StringComparison.Ordinal);
        Assert.Contains("What would you need from me?", sheet, StringComparison.Ordinal);
        Assert.Contains("@media print", await browser.Client.GetStringAsync("/css/site.css"), StringComparison.Ordinal);

        var view = await browser.GetJsonAsync<JsonElement>("/api/v1/talk-prep");
        Assert.Equal(1, view.GetProperty("version").GetInt32());
        Assert.Equal("Wombat-walk: shouting.\nBeing lied to.", view.GetProperty("walkAway").GetString());
        Assert.False(view.GetProperty("fromInventory").GetBoolean());

        // Stored only encrypted.
        var raw = Assert.Single(await RawAsync("TalkPreps", "WorksheetCipher", await UserIdAsync(email)));
        Assert.StartsWith("v1:", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Wombat", raw, StringComparison.Ordinal);

        // Too long: the message stands next to the field, what was typed stays, nothing is saved.
        var tooLong = new string('w', Rekindle.Core.TalkPrep.TalkPrepRules.MaxLength + 1);
        var refused = await browser.SubmitAsync("/talk-prep", new Dictionary<string, string> { ["Input.Own"] = "Kept words", ["Input.Ask"] = tooLong, ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("4,000", refused.FieldError("Input.Ask"), StringComparison.Ordinal);
        Assert.Equal("Kept words", refused.FieldValue("Input.Own"));
        Assert.Equal(tooLong, refused.FieldValue("Input.Ask"));
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/talk-prep")).GetProperty("version").GetInt32());

        // The API: a stale version answers 400 and keeps what is stored; the current one saves.
        var stale = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "Overwrite?", version = 0 }), HttpStatusCode.BadRequest);
        Assert.True(stale.GetProperty("errors").TryGetProperty("", out _));
        var put = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "Mine, plainly.", version = 1 }), HttpStatusCode.OK);
        Assert.Equal(2, put.GetProperty("version").GetInt32());
        Assert.Equal("", put.GetProperty("walkAway").GetString());
        var apiTooLong = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { want = tooLong }), HttpStatusCode.BadRequest);
        Assert.True(apiTooLong.GetProperty("errors").TryGetProperty("want", out _));
    }

    [Fact]
    public async Task The_talk_stage_links_the_worksheet_and_it_is_not_offered_when_the_policy_closes_the_way_back()
    {
        var (open, _) = await SignedInAsync("talk-open");
        using var _o = open;
        Assert.Contains("href=\"/talk-prep\"", (await open.GetAsync("/stages")).Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/talk-prep\"", (await open.GetAsync("/program/talk")).Html, StringComparison.Ordinal);

        var (closed, _) = await SignedInAsync("talk-closed");
        using var _c = closed;
        await closed.AnswerSafetyAsync(threats: true);
        var page = await closed.GetAsync("/talk-prep");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.True(page.Has("refused"));
        Assert.False(page.Has("talk-prep-form"));
        Assert.Contains("data-reason=\"safety-answer\"", page.Html, StringComparison.Ordinal);
        foreach (var response in new[] { await closed.Client.GetAsync("/api/v1/talk-prep"), await closed.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "x" }) })
        {
            var problem = await JsonAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("safety-answer", problem.GetProperty("reason").GetString());
        }

        Assert.DoesNotContain("href=\"/talk-prep\"", (await closed.GetAsync("/stages")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/talk-prep\"", (await closed.GetAsync("/program/talk")).Html, StringComparison.Ordinal);
    }

    // ---- Dates that will hurt ----

    [Fact]
    public async Task Dates_are_added_listed_changed_and_removed_through_the_api_with_errors_by_field()
    {
        var (browser, email) = await SignedInAsync("dates-api");
        using var _b = browser;
        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Wombat-label: our anniversary", date = "2019-11-05", yearly = true }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal("2026-11-05", created.GetProperty("nextOn").GetString());
        Assert.Equal(3, created.GetProperty("daysUntil").GetInt32());
        Assert.True(created.GetProperty("warnNow").GetBoolean());
        await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "First Christmas apart", date = "2026-12-25", yearly = false }), HttpStatusCode.Created);

        var list = await browser.GetJsonAsync<JsonElement>("/api/v1/trigger-dates");
        Assert.Equal(["Wombat-label: our anniversary", "First Christmas apart"], list.EnumerateArray().Select(d => d.GetProperty("label").GetString()));
        Assert.False(list[1].GetProperty("warnNow").GetBoolean());

        var invalid = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = " ", date = "2026-10-01", yearly = false }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("label", out _));
        Assert.Contains("passed", invalid.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);

        var changed = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/trigger-dates/{id}", new { label = "Their birthday", date = "2000-02-29", yearly = true, version = created.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("2027-02-28", changed.GetProperty("nextOn").GetString());
        await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/trigger-dates/{id}", new { label = "Stale", date = "2000-02-29", yearly = true, version = created.GetProperty("version").GetInt32() }), HttpStatusCode.BadRequest);

        var raw = await RawAsync("TriggerDates", "LabelCipher", await UserIdAsync(email));
        Assert.Equal(2, raw.Count);
        Assert.All(raw, r => Assert.StartsWith("v1:", r, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.DeleteAsync($"/api/v1/trigger-dates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.DeleteAsync($"/api/v1/trigger-dates/{id}")).StatusCode);
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/trigger-dates")).GetArrayLength());
    }

    [Fact]
    public async Task The_page_shows_errors_next_to_the_fields_keeps_what_was_typed_and_edits_and_removes_a_date()
    {
        var (browser, _) = await SignedInAsync("dates-page");
        using var _b = browser;
        var bad = await browser.SubmitAsync("/trigger-dates", new Dictionary<string, string> { ["Input.Label"] = "", ["Input.Date"] = "not a date", ["Input.Yearly"] = "true" });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.FieldError("Input.Label"));
        Assert.NotNull(bad.FieldError("Input.Date"));
        Assert.Equal("not a date", bad.FieldValue("Input.Date"));
        Assert.True(bad.Has("form-errors"));

        var past = await browser.SubmitAsync("/trigger-dates", new Dictionary<string, string> { ["Input.Label"] = "Our last trip", ["Input.Date"] = "2026-10-01", ["Input.Yearly"] = "false" });
        Assert.Contains("passed", past.FieldError("Input.Date"), StringComparison.Ordinal);
        Assert.Equal("Our last trip", past.FieldValue("Input.Label"));
        Assert.Equal("2026-10-01", past.FieldValue("Input.Date"));

        var added = await browser.SubmitAsync("/trigger-dates", new Dictionary<string, string> { ["Input.Label"] = "Our last trip", ["Input.Date"] = "2026-10-01", ["Input.Yearly"] = "true" });
        Assert.Equal("/trigger-dates?saved=true", added.Location);
        var list = await browser.GetAsync("/trigger-dates");
        Assert.Contains("Our last trip", list.TestId("trigger-date-list"), StringComparison.Ordinal);
        var id = (await browser.GetJsonAsync<JsonElement>("/api/v1/trigger-dates"))[0].GetProperty("id").GetString();

        var edit = await browser.GetAsync($"/trigger-dates/{id}");
        Assert.Equal("Our last trip", edit.FieldValue("Input.Label"));
        var version = edit.FieldValue("Input.Version")!;
        var tooLong = new string('x', 81);
        var refused = await browser.SubmitAsync($"/trigger-dates/{id}", new Dictionary<string, string> { ["Input.Label"] = tooLong, ["Input.Date"] = "2026-10-01", ["Input.Yearly"] = "true", ["Input.Version"] = version });
        Assert.Contains("80", refused.FieldError("Input.Label"), StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.FieldValue("Input.Label"));
        Assert.Equal("/trigger-dates?saved=true", (await browser.SubmitAsync($"/trigger-dates/{id}", new Dictionary<string, string> { ["Input.Label"] = "The lake trip", ["Input.Date"] = "2026-10-01", ["Input.Yearly"] = "true", ["Input.Version"] = version })).Location);
        Assert.Equal("The lake trip", (await browser.GetJsonAsync<JsonElement>("/api/v1/trigger-dates"))[0].GetProperty("label").GetString());

        var token = (await browser.GetAsync($"/trigger-dates/{id}")).AntiforgeryToken();
        Assert.Equal("/trigger-dates", (await browser.PostAsync($"/trigger-dates/{id}?handler=Delete", new Dictionary<string, string>(), token)).Location);
        Assert.True((await browser.GetAsync("/trigger-dates")).Has("trigger-dates-empty"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/trigger-dates/{id}")).Status);
    }

    [Fact]
    public async Task The_dashboard_warns_from_three_days_before_until_the_day_in_the_users_own_time_zone_with_a_plan()
    {
        // 15:00 UTC on Monday 2 November is already Tuesday 3 November (04:00) in Auckland.
        var (browser, email) = await SignedInAsync("dates-dash", timeZone: "Pacific/Auckland");
        using var _b = browser;
        await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Wombat-dash: the day we met", date = "2018-11-06", yearly = true }), HttpStatusCode.Created);
        await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Far away", date = "2027-01-20", yearly = false }), HttpStatusCode.Created);

        var dashboard = await browser.GetAsync("/dashboard");
        Assert.True(dashboard.Has("hard-days"), "three days before, in Auckland's calendar");
        var card = dashboard.TestId("hard-days")!;
        Assert.Contains("Wombat-dash: the day we met", card, StringComparison.Ordinal);
        Assert.Contains("in 3 days", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Far away", card, StringComparison.Ordinal);
        Assert.Contains("href=\"/safety-plan\"", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"hard-day-sos\"", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/letters\"", dashboard.Html, StringComparison.Ordinal);

        // Four days before (in Auckland) there is no card yet.
        app.Clock.Set(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        await SignedInAgainAsync(browser, email);
        Assert.False((await browser.GetAsync("/dashboard")).Has("hard-days"));

        // On the day itself (6 November in Auckland, still 5 November in UTC), the card says today.
        app.Clock.Set(new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero));
        await SignedInAgainAsync(browser, email);
        var today = await browser.GetAsync("/dashboard");
        Assert.Contains("today", today.TestId("hard-days"), StringComparison.Ordinal);
        Assert.Contains("data-days-until=\"0\"", today.Html, StringComparison.Ordinal);

        // The day after, it is gone until next year.
        app.Clock.Set(new DateTimeOffset(2026, 11, 6, 12, 0, 0, TimeSpan.Zero));
        await SignedInAgainAsync(browser, email);
        Assert.False((await browser.GetAsync("/dashboard")).Has("hard-days"));
    }

    private async Task SignedInAgainAsync(TestBrowser browser, string email)
    {
        if ((await browser.Client.GetAsync("/api/v1/trigger-dates")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, Password)).Status);
        }
    }

    [Fact]
    public async Task The_calendar_file_holds_the_dates_with_discreet_titles_and_never_their_labels()
    {
        var (browser, _) = await SignedInAsync("dates-ics");
        using var _b = browser;
        await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Wombat-ics: their birthday", date = "1990-03-14", yearly = true }), HttpStatusCode.Created);
        foreach (var url in new[] { "/api/v1/reminders/calendar.ics", "/api/v1/reminders/calendar.ics?detailed=true", "/reminders?handler=Calendar" })
        {
            var ics = await browser.Client.GetStringAsync(url);
            Assert.Contains("DTSTART;VALUE=DATE:20270314", ics, StringComparison.Ordinal);
            Assert.Contains("RRULE:FREQ=YEARLY", ics, StringComparison.Ordinal);
            Assert.Contains("TRIGGER:-P3D", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("Wombat", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("birthday", ics, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(url.Contains("detailed", StringComparison.Ordinal) ? "SUMMARY:Rekindle: a hard day - plan ready" : "SUMMARY:Rekindle reminder", ics, StringComparison.Ordinal);
        }
    }

    // ---- Export, import, deletion ----

    [Fact]
    public async Task Both_are_exported_imported_into_a_fresh_account_refused_when_bad_and_deleted_with_the_account()
    {
        var (owner, email) = await SignedInAsync("hard-export");
        using var _o = owner;
        await JsonAsync(await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Our anniversary", date = "2019-06-01", yearly = true }), HttpStatusCode.Created);
        await JsonAsync(await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "First holidays apart", date = "2026-12-24", yearly = false }), HttpStatusCode.Created);
        await JsonAsync(await owner.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "I went quiet.", walkAway = "Being lied to again." }), HttpStatusCode.OK);

        var exported = JsonNode.Parse(await owner.Client.GetStringAsync("/settings/export"))!;
        Assert.Equal(["Our anniversary", "First holidays apart"], exported["triggerDates"]!.AsArray().Select(d => (string?)d!["label"]));
        Assert.Equal("2019-06-01", (string?)exported["triggerDates"]![0]!["date"]);
        Assert.True((bool)exported["triggerDates"]![0]!["yearly"]!);
        Assert.Equal("Being lied to again.", (string?)exported["talkPrep"]!["walkAway"]);

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("hard-import"));
        Assert.Equal("/settings", (await ImportAsync(fresh, exported)).Location);
        var again = JsonNode.Parse(await fresh.Client.GetStringAsync("/settings/export"))!;
        Assert.Equal(exported["triggerDates"]!.ToJsonString(), again["triggerDates"]!.ToJsonString());
        Assert.Equal(exported["talkPrep"]!.ToJsonString(), again["talkPrep"]!.ToJsonString());
        await fresh.AnswerSafetyAsync();
        Assert.Equal("I went quiet.", (await fresh.GetJsonAsync<JsonElement>("/api/v1/talk-prep")).GetProperty("own").GetString());

        // An older file without the sections imports with none; a bad record imports nothing.
        using var older = app.NewBrowser();
        await older.RegisterAsync(Emails.New("hard-older"));
        var withoutSections = exported.DeepClone().AsObject();
        withoutSections.Remove("triggerDates");
        withoutSections.Remove("talkPrep");
        Assert.Equal("/settings", (await ImportAsync(older, withoutSections)).Location);
        Assert.Equal(0, (await older.GetJsonAsync<JsonElement>("/api/v1/trigger-dates")).GetArrayLength());

        using var third = app.NewBrowser();
        await third.RegisterAsync(Emails.New("hard-bad"));
        var bad = exported.DeepClone();
        bad["triggerDates"]![0]!["label"] = new string('x', 200);
        var refused = await ImportAsync(third, bad);
        Assert.Contains("Nothing was imported", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, (await third.GetJsonAsync<JsonElement>("/api/v1/trigger-dates")).GetArrayLength());
        var badTalk = exported.DeepClone();
        badTalk["talkPrep"]!["own"] = new string('x', 4_001);
        Assert.Contains("talk worksheet", (await ImportAsync(third, badTalk)).Html, StringComparison.Ordinal);

        var userId = await UserIdAsync(email);
        Assert.Equal(2, (await RawAsync("TriggerDates", "LabelCipher", userId)).Count);
        Assert.Single(await RawAsync("TalkPreps", "WorksheetCipher", userId));
        var deleted = await owner.SubmitAsync("/settings", new Dictionary<string, string> { ["DeletePassword"] = Password }, "/settings?handler=Delete");
        Assert.Equal("/account/deleted", deleted.Location);
        Assert.Empty(await RawAsync("TriggerDates", "LabelCipher", userId));
        Assert.Empty(await RawAsync("TalkPreps", "WorksheetCipher", userId));
    }
}

public sealed class HardDaysAndTalkSqliteTests(SqliteApp app) : HardDaysAndTalkTests(app), IClassFixture<SqliteApp>;

public sealed class HardDaysAndTalkPostgresTests(PostgresApp app) : HardDaysAndTalkTests(app), IClassFixture<PostgresApp>;
