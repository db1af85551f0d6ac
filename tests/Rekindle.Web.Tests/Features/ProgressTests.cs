using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Daily check-ins, the journal, the progress charts and milestone moments, through the real pipeline.</summary>
public abstract partial class ProgressTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> SignedInAsync(string? noContactFrom = "2026-10-25")
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        if (noContactFrom is not null)
        {
            await browser.StartNoContactAsync(startDate: noContactFrom);
        }

        return browser;
    }

    private static Dictionary<string, string> CheckInForm(string date, string mood, string sleep = "7.5", string urges = "0", string strongest = "", string word = "") => new()
    {
        ["Input.Date"] = date,
        ["Input.Mood"] = mood,
        ["Input.SleepHours"] = sleep,
        ["Input.AteProperly"] = "true",
        ["Input.Moved"] = "false",
        ["Input.UrgeCount"] = urges,
        ["Input.StrongestUrge"] = strongest,
        ["Input.Word"] = word,
    };

    [Fact]
    public async Task A_check_in_is_saved_for_the_local_day_and_saving_the_day_again_replaces_it()
    {
        using var browser = await SignedInAsync();
        var saved = await browser.SubmitAsync("/check-in", CheckInForm("2026-11-02", "6", urges: "2", strongest: "5", word: "lighter"));
        Assert.Equal("/check-in?date=2026-11-02", saved.Location);
        var page = await browser.GetAsync(saved.Location!);
        Assert.True(page.Has("check-in-saved"));
        Assert.Equal("6", page.FieldValue("Input.Mood"));
        Assert.Contains("lighter", page.TestId("recent-check-ins"), StringComparison.Ordinal);

        // The form now edits the same day: the version travels with it, and the second save replaces the first.
        var fields = CheckInForm("2026-11-02", "8", word: "better");
        fields["Input.Version"] = page.FieldValue("Input.Version")!;
        await browser.PostAsync("/check-in", fields, page.AntiforgeryToken());
        var all = await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins");
        var only = Assert.Single(all.EnumerateArray());
        Assert.Equal(8, only.GetProperty("mood").GetInt32());
        Assert.Equal("better", only.GetProperty("word").GetString());
        Assert.Equal(0, only.GetProperty("urgeCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("strongestUrge").ValueKind);
    }

    [Theory]
    [InlineData("2026-11-03", "6", "Input.Date", "hasn't happened yet")]
    [InlineData("2026-11-02", "0", "Input.Mood", "1 to 10")]
    [InlineData("2026-11-02", "11", "Input.Mood", "1 to 10")]
    [InlineData("2026-11-02", "", "Input.Mood", "1 to 10")]
    [InlineData("2026-11-02", "six", "Input.Mood", "couldn't read")]
    public async Task A_bad_check_in_is_refused_next_to_the_field_and_keeps_what_was_typed(string date, string mood, string field, string message)
    {
        using var browser = await SignedInAsync();
        var page = await browser.SubmitAsync("/check-in", CheckInForm(date, mood, sleep: "6.5", word: "<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.FieldError(field), StringComparison.Ordinal);
        Assert.Equal("6.5", page.FieldValue("Input.SleepHours"));
        Assert.Equal("<script>alert(1)</script>", page.FieldValue("Input.Word"));
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins")).EnumerateArray());
    }

    [Fact]
    public async Task A_check_in_edited_in_another_tab_is_not_overwritten()
    {
        using var browser = await SignedInAsync();
        await browser.SubmitAsync("/check-in", CheckInForm("2026-11-01", "5"));
        var first = await browser.GetAsync("/check-in?date=2026-11-01");
        var second = await browser.GetAsync("/check-in?date=2026-11-01");
        var fields = CheckInForm("2026-11-01", "7");
        fields["Input.Version"] = first.FieldValue("Input.Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/check-in", fields, first.AntiforgeryToken())).Status);

        fields["Input.Mood"] = "2";
        fields["Input.Version"] = second.FieldValue("Input.Version")!;
        var stale = await browser.PostAsync("/check-in", fields, second.AntiforgeryToken());
        Assert.Contains("another tab or device", stale.Html, StringComparison.Ordinal);
        Assert.Equal("2", stale.FieldValue("Input.Mood"));
        Assert.Equal(7, (await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins/2026-11-01")).GetProperty("mood").GetInt32());

        // A form opened for a new day and pointed at a day that has a check-in never replaces it.
        var today = await browser.GetAsync("/check-in");
        Assert.Equal("0", today.FieldValue("Input.Version"));
        fields["Input.Version"] = "0";
        var taken = await browser.PostAsync("/check-in", fields, today.AntiforgeryToken());
        Assert.Contains("already a check-in", taken.FieldError("Input.Date"), StringComparison.Ordinal);
        Assert.Equal(7, (await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins/2026-11-01")).GetProperty("mood").GetInt32());
    }

    [Fact]
    public async Task The_check_in_api_creates_replaces_lists_and_deletes_by_local_day()
    {
        using var browser = await SignedInAsync();
        var created = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-10-30", new { mood = 3, sleepHours = 5, urgeCount = 4, strongestUrge = 9 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var replaced = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-10-30", new { mood = 4, sleepHours = 5.5, urgeCount = 1, strongestUrge = 3 });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var range = await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins?from=2026-10-01&to=2026-10-31");
        Assert.Equal(4, Assert.Single(range.EnumerateArray()).GetProperty("mood").GetInt32());
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins?from=2026-10-31&to=2026-11-02")).EnumerateArray());

        var missingStrength = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-10-29", new { mood = 4, sleepHours = 7, urgeCount = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, missingStrength.StatusCode);
        Assert.Contains("strongestUrge", await missingStrength.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync("/api/v1/check-ins/30-10-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync("/api/v1/check-ins?from=2026-11-02&to=2026-10-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/api/v1/check-ins/2026-10-29")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.DeleteAsync("/api/v1/check-ins/2026-10-30")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.DeleteAsync("/api/v1/check-ins/2026-10-30")).StatusCode);
    }

    [Fact]
    public async Task Another_users_day_is_theirs_alone()
    {
        using var owner = await SignedInAsync();
        await owner.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 3, sleepHours = 5, word = "owner-private-word" });
        using var intruder = await SignedInAsync();
        var read = await intruder.Client.GetAsync("/api/v1/check-ins/2026-11-01");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.DeleteAsync("/api/v1/check-ins/2026-11-01")).StatusCode);
        Assert.DoesNotContain("owner-private-word", (await intruder.GetAsync("/check-in?date=2026-11-01")).Html, StringComparison.Ordinal);

        // Writing the same day makes the intruder's own check-in; the owner's is untouched.
        Assert.Equal(HttpStatusCode.Created, (await intruder.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 9, sleepHours = 9 })).StatusCode);
        var owners = await owner.GetJsonAsync<JsonElement>("/api/v1/check-ins/2026-11-01");
        Assert.Equal(3, owners.GetProperty("mood").GetInt32());
        Assert.Equal("owner-private-word", owners.GetProperty("word").GetString());
    }

    [Fact]
    public async Task Check_ins_download_as_csv_with_formulas_defused()
    {
        using var browser = await SignedInAsync();
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 4, sleepHours = 6.5, urgeCount = 3, strongestUrge = 7, word = "=HYPERLINK(\"x\")" });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-02", new { mood = 6, sleepHours = 8, ateProperly = true, word = "ok, really" });
        var response = await browser.Client.GetAsync("/api/v1/account/export/check-ins.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["date,mood,sleep_hours,ate_properly,moved,urge_count,strongest_urge,had_contact,word",
            "2026-11-01,4,6.5,no,no,3,7,no,\"'=HYPERLINK(\"\"x\"\")\"",
            "2026-11-02,6,8.0,yes,no,0,,no,\"ok, really\""], lines);
    }

    [Fact]
    public async Task Todays_prompt_is_the_program_day_and_answers_are_searchable_by_word_and_tag()
    {
        using var browser = await SignedInAsync(noContactFrom: "2026-10-25");
        var prompt = await browser.GetJsonAsync<JsonElement>("/api/v1/journal/prompt");
        Assert.Equal(9, prompt.GetProperty("day").GetInt32());
        var day9 = File.ReadAllText(Path.Combine(Repository.Root, "content", "en", "days", "day-09.md"));
        Assert.Contains(prompt.GetProperty("prompt").GetString()!, day9, StringComparison.Ordinal);

        var journal = await browser.GetAsync("/journal");
        Assert.Contains(WebUtility.HtmlEncode(prompt.GetProperty("prompt").GetString()!), journal.TestId("entry-prompt") is { } p ? WebUtility.HtmlEncode(p) : "", StringComparison.Ordinal);
        var saved = await browser.PostAsync("/journal", new Dictionary<string, string>
        {
            ["Input.Prompt"] = prompt.GetProperty("prompt").GetString()!,
            ["Input.Body"] = "Walked by the river and did not check their profile.",
            ["Input.Tags"] = "Walks, river,  walks",
        }, journal.AntiforgeryToken());
        Assert.Matches("^/journal/[0-9a-f-]{36}$", saved.Location);
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "Bad night. Sleep was patchy.", tags = "sleep" });

        var entry = await browser.GetAsync(saved.Location!);
        Assert.Contains("did not check their profile", entry.TestId("entry-body"), StringComparison.Ordinal);
        Assert.Contains("#walks", entry.Html, StringComparison.Ordinal);
        Assert.Contains("#river", entry.Html, StringComparison.Ordinal);

        Assert.Contains("river", (await browser.GetAsync("/journal?q=RIVER")).TestId("journal-entries"), StringComparison.Ordinal);
        Assert.DoesNotContain("patchy", (await browser.GetAsync("/journal?q=RIVER")).TestId("journal-entries"), StringComparison.Ordinal);
        Assert.Contains("patchy", (await browser.GetAsync("/journal?tag=sleep")).TestId("journal-entries"), StringComparison.Ordinal);
        Assert.True((await browser.GetAsync("/journal?q=holiday")).Has("journal-empty"));
    }

    [Fact]
    public async Task A_reframe_needs_the_thought_the_pattern_and_a_kinder_version()
    {
        using var browser = await SignedInAsync();
        var incomplete = await browser.SubmitAsync("/journal/new?kind=reframe", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reframe",
            ["Input.Thought"] = "I'll never be happy again.",
            ["Input.Kinder"] = "",
        }, "/journal/new");
        Assert.Equal(HttpStatusCode.OK, incomplete.Status);
        Assert.NotNull(incomplete.FieldError("Input.Pattern"));
        Assert.NotNull(incomplete.FieldError("Input.Kinder"));
        Assert.Contains("I&#x27;ll never be happy again.", incomplete.Html, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync("/journal/new?kind=reframe", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reframe",
            ["Input.Thought"] = "I'll never be happy again.",
            ["Input.Pattern"] = "FortuneTelling",
            ["Input.Kinder"] = "Right now is hard. I have been happy before and I am building a life I like.",
        }, "/journal/new");
        var entry = await browser.GetAsync(saved.Location!);
        Assert.Equal("Predicting the future", entry.TestId("entry-pattern"));
        Assert.Contains("building a life", entry.TestId("entry-kinder"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_or_hostile_entry_gets_a_clear_message_and_nothing_is_half_written()
    {
        using var browser = await SignedInAsync();
        var tooLong = new string('a', 60_000);
        var page = await browser.SubmitAsync("/journal/new?kind=free", new Dictionary<string, string> { ["Input.Kind"] = "Free", ["Input.Body"] = tooLong }, "/journal/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("up to 50,000 characters", page.FieldError("Input.Body"), StringComparison.Ordinal);
        Assert.Contains(tooLong, page.Html, StringComparison.Ordinal);
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/journal")).EnumerateArray());

        // Past the 1 MB page limit the form never reaches the page: the 413 page, and nothing written.
        var huge = new string('a', 5 * 1024 * 1024);
        var refused = await browser.SubmitAsync("/journal/new?kind=free", new Dictionary<string, string> { ["Input.Kind"] = "Free", ["Input.Body"] = huge }, "/journal/new");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/journal")).EnumerateArray());

        // Kestrel answers 413 past the endpoint's size limit; the in-memory test server has no limit, so the rule answers.
        var api = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = huge });
        Assert.True(api.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)api.StatusCode}");

        var hostile = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "<img src=x onerror=alert(1)>\u202Egnp.exe\0", tags = "<b>" });
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Contains("letters, numbers", await hostile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "<img src=x onerror=alert(1)>" });
        var id = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var shown = await browser.GetAsync($"/journal/{id}");
        Assert.DoesNotContain("<img src=x", shown.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", shown.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_entries_are_edited_with_a_version_and_deleted()
    {
        using var browser = await SignedInAsync();
        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "First draft of a feeling." });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await browser.GetAsync($"/journal/{id}");
        await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/journal/{id}", new { body = "Changed in another tab.", version = 0 });

        var stale = await browser.PostAsync($"/journal/{id}", new Dictionary<string, string> { ["Input.Body"] = "My edit", ["Input.Version"] = page.FieldValue("Input.Version") ?? "0" }, page.AntiforgeryToken());
        Assert.Contains("another tab or device", stale.Html, StringComparison.Ordinal);
        Assert.Contains("My edit", stale.Html, StringComparison.Ordinal);

        var deleted = await browser.PostAsync($"/journal/{id}?handler=Delete", [], page.AntiforgeryToken());
        Assert.Equal("/journal", deleted.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/api/v1/journal/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_month_of_check_ins_draws_the_mood_and_urge_charts_and_the_weekly_summary()
    {
        using var browser = await SignedInAsync(noContactFrom: "2026-10-04");
        var today = new DateOnly(2026, 11, 2);
        for (var i = 29; i >= 0; i--)
        {
            var day = today.AddDays(-i);
            var mood = 3 + (29 - i) / 5;            // climbs from 3 to 8 over the month
            var urges = i >= 7 ? 3 : 1;
            var response = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/check-ins/{day:yyyy-MM-dd}", new { mood, sleepHours = 7, urgeCount = urges, strongestUrge = 4 });
            Assert.True(response.IsSuccessStatusCode, $"{day}: {(int)response.StatusCode}");
        }

        var urge = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 5 });
        var urgeId = (await urge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/urges/{urgeId}/outcome", new { outcome = "passed" });

        var page = await browser.GetAsync("/progress");
        var moods = DataValues(Section(page, "mood-section"));
        Assert.Equal(30, moods.Count);
        Assert.Equal(3, moods[0]);
        Assert.Equal(8, moods[^1]);
        Assert.True(moods.Zip(moods.Skip(1)).All(pair => pair.Second >= pair.First), "the mood line climbs");
        var urgeValues = DataValues(Section(page, "urge-section"));
        Assert.Equal(30, urgeValues.Count);
        Assert.Equal([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1], urgeValues);

        // This week is days 23-29 of the ramp (7, 7, 8, 8, 8, 8, 8: 7.7); the week before, days 16-22 (6, 6, 6, 6, 7, 7, 7: 6.4).
        var summary = page.TestId("weekly-summary")!;
        Assert.Contains("averaged 7.7, up from 6.4", summary, StringComparison.Ordinal);
        Assert.Contains("one urge passed", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title", Section(page, "mood-section"), StringComparison.Ordinal);
        Assert.Contains("<table>", Section(page, "mood-section"), StringComparison.Ordinal);

        var series = await browser.GetJsonAsync<JsonElement>("/api/v1/progress?range=30");
        Assert.Equal(30, series.GetProperty("mood").GetArrayLength());
        Assert.Equal(moods, DataValues(Section(await browser.GetAsync("/progress?range=90"), "mood-section")));
    }

    [Fact]
    public async Task The_dashboard_strip_reads_the_same_fortnight_as_the_weekly_summary_and_only_this_users_rows()
    {
        // Someone else with the same start day: their check-ins, urges and day-7 moment must not reach this user's strip.
        using (var other = await SignedInAsync(noContactFrom: "2026-10-26"))
        {
            await PutCheckInAsync(other, "2026-11-02", mood: 1);
            await LogUrgeAsync(other, "passed");
            Assert.True((await other.GetAsync("/dashboard")).Has("milestone-moment"));
        }

        using var browser = await SignedInAsync(noContactFrom: "2026-10-26");
        var first = await browser.GetAsync("/dashboard");
        Assert.True(first.Has("milestone-moment"), "this user's own day 7 is still due");
        Assert.Equal("Nothing logged in the last two weeks yet. A quick check-in is a good place to start.", first.TestId("dashboard-weekly"));
        Assert.True(first.Has("dashboard-check-in"));

        await PutCheckInAsync(browser, "2026-10-19", mood: 1);   // before the fortnight: not counted
        await PutCheckInAsync(browser, "2026-10-21", mood: 4);   // the week before: 4 and 5
        await PutCheckInAsync(browser, "2026-10-25", mood: 5);
        await PutCheckInAsync(browser, "2026-10-28", mood: 6);   // this week: 6 and 7
        await PutCheckInAsync(browser, "2026-11-01", mood: 7);
        await LogUrgeAsync(browser, "passed");
        await LogUrgeAsync(browser, "passed");
        await LogUrgeAsync(browser, "contacted");
        await LogUrgeAsync(browser, outcome: null);              // still open: not counted yet

        var dashboard = await browser.GetAsync("/dashboard");
        var weekly = await browser.GetJsonAsync<JsonElement>("/api/v1/progress/weekly");
        Assert.Equal("Your mood averaged 6.5, up from 4.5; no urges noted in your check-ins; at the urge pause, two urges passed, one acted on.", dashboard.TestId("dashboard-weekly"));
        Assert.Equal(weekly.GetProperty("sentence").GetString(), dashboard.TestId("dashboard-weekly"));
        Assert.False(dashboard.Has("milestone-moment"), "shown once");
        Assert.True(dashboard.Has("dashboard-check-in"), "no check-in today yet");

        await PutCheckInAsync(browser, "2026-11-02", mood: 8);
        var checkedIn = await browser.GetAsync("/dashboard");
        Assert.True(checkedIn.Has("checked-in-today"));
        Assert.False(checkedIn.Has("dashboard-check-in"));
        Assert.StartsWith("Your mood averaged 7.0, up from 4.5", checkedIn.TestId("dashboard-weekly"), StringComparison.Ordinal);
    }

    private static async Task PutCheckInAsync(TestBrowser browser, string day, int mood)
    {
        var response = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/check-ins/{day}", new { mood, sleepHours = 7, urgeCount = 0 });
        Assert.True(response.IsSuccessStatusCode, $"{day}: {(int)response.StatusCode}");
    }

    /// <summary>Logs an urge now and resolves it ("passed" or "contacted"); null leaves it open.</summary>
    private static async Task LogUrgeAsync(TestBrowser browser, string? outcome)
    {
        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 6 });
        Assert.True(created.IsSuccessStatusCode, $"urge: {(int)created.StatusCode}");
        if (outcome is not null)
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            Assert.True((await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/urges/{id}/outcome", new { outcome })).IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task A_milestone_is_celebrated_once()
    {
        using var browser = await SignedInAsync(noContactFrom: "2026-10-26");
        var first = await browser.GetAsync("/dashboard");
        Assert.True(first.Has("milestone-moment"), "day 7 is celebrated");
        Assert.Contains("One whole week", first.TestId("milestone-moment"), StringComparison.Ordinal);
        Assert.False((await browser.GetAsync("/dashboard")).Has("milestone-moment"));
        Assert.False((await browser.GetAsync("/progress")).Has("milestone-moment"));

        app.Clock.Set(Monday.AddDays(7));
        Assert.True((await browser.GetAsync("/progress")).Has("milestone-moment"), "day 14 is celebrated");
    }

    [Fact]
    public async Task The_calendar_file_holds_the_daily_reminder_and_the_next_milestones()
    {
        using var browser = await SignedInAsync(noContactFrom: "2026-10-25");
        var saved = await browser.SubmitAsync("/reminders", new Dictionary<string, string> { ["Input.DailyCheckInAt"] = "20:30" });
        Assert.Equal("/reminders", saved.Location);
        Assert.True((await browser.GetAsync("/reminders")).Has("reminders-saved"));

        var response = await browser.Client.GetAsync("/reminders?handler=Calendar");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("TZID=Europe/London:", ics, StringComparison.Ordinal);
        Assert.Contains("T203000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261108", ics, StringComparison.Ordinal);  // day 14
        Assert.Contains("DTSTART;VALUE=DATE:20261124", ics, StringComparison.Ordinal);  // day 30
        Assert.Equal(ics, await browser.Client.GetStringAsync("/api/v1/reminders/calendar.ics"));

        // Discreet by default: the same title on every event, no day count, nothing about contact.
        var titles = Regex.Matches(ics, "\r\nSUMMARY:([^\r]*)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(titles.Count >= 3, ics);
        Assert.All(titles, title => Assert.Equal("Rekindle reminder", title));
        Assert.DoesNotContain("contact", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("day 14", ics, StringComparison.Ordinal);
        Assert.True((await browser.GetAsync("/reminders")).Has("calendar-download-detailed"));
        var detailed = await browser.Client.GetStringAsync("/reminders?handler=Calendar&detailed=true");
        Assert.Contains("SUMMARY:Rekindle: day 14 without contact\r\n", detailed, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Rekindle: check in\r\n", detailed, StringComparison.Ordinal);
        Assert.Equal(detailed, await browser.Client.GetStringAsync("/api/v1/reminders/calendar.ics?detailed=true"));

        var bad = await browser.SubmitAsync("/reminders", new Dictionary<string, string> { ["Input.DailyCheckInAt"] = "25:99" });
        Assert.Contains("hours and minutes", bad.FieldError("Input.DailyCheckInAt"), StringComparison.Ordinal);
        Assert.Equal("25:99", bad.FieldValue("Input.DailyCheckInAt"));
        var noMail = await browser.SubmitAsync("/reminders", new Dictionary<string, string> { ["Input.DailyCheckInAt"] = "20:30", ["Input.Email"] = "true" });
        Assert.Contains("can't send email", noMail.FieldError("Input.Email"), StringComparison.Ordinal);
    }

    /// <summary>The raw markup of a section, charts included.</summary>
    private static string Section(Page page, string testId)
    {
        var start = page.Html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId}");
        return page.Html[start..page.Html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static List<double> DataValues(string html) =>
        DataValue().Matches(html).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("data-value=\"([0-9.]+)\"")]
    private static partial Regex DataValue();
}

public sealed class ProgressSqliteTests(SqliteApp app) : ProgressTests(app), IClassFixture<SqliteApp>;

public sealed class ProgressPostgresTests(PostgresApp app) : ProgressTests(app), IClassFixture<PostgresApp>;
