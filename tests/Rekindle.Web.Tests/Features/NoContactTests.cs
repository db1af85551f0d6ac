using System.Net;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

public abstract class NoContactTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> ReadyAsync(string timeZone = "Europe/London", params string[] ties)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New(), timeZone: timeZone);
        await browser.SaveSituationAsync(breakupDate: "2026-10-20", timeZone: timeZone, ties: ties);
        await browser.AnswerSafetyAsync();
        return browser;
    }

    private static int Streak(Page page) => int.Parse(page.TestId("current-streak")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Starting_no_contact_shows_the_count_the_target_and_the_next_milestone()
    {
        using var browser = await ReadyAsync();
        var started = await browser.StartNoContactAsync(target: 30, startDate: "2026-10-26");
        Assert.Equal("/no-contact", started.Location);

        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(7, Streak(page));
        Assert.Equal("8", page.TestId("day-number"));
        Assert.Equal("7 days", page.TestId("longest-streak"));
        Assert.Equal("14 days, 7 to go", page.TestId("next-milestone"));
        Assert.Equal("13 days", page.TestId("days-since-breakup"));
        Assert.Contains("value=\"7\"", Regex.Match(page.Html, "<progress[^>]*>").Value, StringComparison.Ordinal);
        Assert.Contains("23% of your 30-day target", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("46")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    public async Task A_target_outside_21_to_45_is_refused_and_nothing_starts(string target)
    {
        using var browser = await ReadyAsync();
        var page = await browser.SubmitAsync("/no-contact", new Dictionary<string, string> { ["Start.TargetDays"] = target }, "/no-contact?handler=Start");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Start.TargetDays"));
        Assert.Equal(target, page.FieldValue("Start.TargetDays"));
        Assert.False((await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/no-contact")).GetProperty("started").GetBoolean());
    }

    [Fact]
    public async Task No_contact_cannot_start_in_the_future_or_before_the_breakup()
    {
        using var browser = await ReadyAsync();
        var future = await browser.StartNoContactAsync(startDate: "2026-11-03");
        Assert.Contains("can't start in the future", future.FieldError("Start.StartDate"), StringComparison.Ordinal);
        var early = await browser.StartNoContactAsync(startDate: "2026-10-01");
        Assert.Contains("before the breakup", early.FieldError("Start.StartDate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_count_follows_local_calendar_days_across_the_clock_change()
    {
        // Europe/London leaves summer time on 25 October 2026: that Sunday has 25 hours.
        app.Clock.Set(new DateTimeOffset(2026, 10, 22, 22, 30, 0, TimeSpan.Zero));
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New(), timeZone: "Europe/London");
        await browser.SaveSituationAsync(breakupDate: "2026-10-20");
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync();

        // 23:30 local on the 22nd (BST) is still day 0.
        Assert.Equal(0, Streak(await browser.GetAsync("/no-contact")));

        var seen = new List<int>();
        for (var hour = 0; hour < 24 * 6; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            seen.Add(Streak(await browser.GetAsync("/no-contact")));
        }

        // Each local midnight adds exactly one, including across the 25-hour day.
        Assert.Equal(Enumerable.Range(1, 6), seen.Distinct());
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 0, 1));
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 22, 30, 0, TimeSpan.Zero), app.Clock.GetUtcNow());
        Assert.Equal(6, seen[^1]);
    }

    [Fact]
    public async Task Travelling_changes_the_time_zone_without_doubling_or_skipping_a_day()
    {
        using var browser = await ReadyAsync("Europe/London");
        await browser.StartNoContactAsync(startDate: "2026-10-30");
        Assert.Equal(3, Streak(await browser.GetAsync("/no-contact")));

        // Fly to Auckland: 15:00 UTC on 2 November is already 04:00 on 3 November there.
        await browser.SaveSituationAsync(breakupDate: "2026-10-20", timeZone: "Pacific/Auckland");
        Assert.Equal(4, Streak(await browser.GetAsync("/no-contact")));

        // A day later there is one more day, not two.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(5, Streak(await browser.GetAsync("/no-contact")));

        // Back in London it is the 3rd again: every local date maps to one count, never two.
        await browser.SaveSituationAsync(breakupDate: "2026-10-20", timeZone: "Europe/London");
        Assert.Equal(4, Streak(await browser.GetAsync("/no-contact")));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(5, Streak(await browser.GetAsync("/no-contact")));
    }

    [Fact]
    public async Task Reaching_out_restarts_the_count_without_shame_and_keeps_the_history()
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-22");
        Assert.Equal(11, Streak(await browser.GetAsync("/no-contact")));

        var logged = await browser.LogContactAsync("Me", "2026-11-02T01:10", "Sent a long text at 1 a.m.");
        Assert.Equal("/no-contact", logged.Location);

        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(0, Streak(page));
        Assert.Equal("11 days", page.TestId("longest-streak"));
        Assert.Equal("1", page.TestId("restarts"));
        Assert.Contains("isn't a failure", page.TestId("contact-advice"), StringComparison.Ordinal);
        Assert.Contains("Sent a long text at 1 a.m.", page.TestId("history"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(2));
        page = await browser.GetAsync("/no-contact");
        Assert.Equal(2, Streak(page));
        Assert.False(page.Has("contact-advice"));
    }

    [Theory]
    [InlineData("Emergency", false, "0", "HandleEmergency")]
    [InlineData("AccidentalRunIn", false, "0", "PoliteAndBrief")]
    [InlineData("Logistics", true, "0", "KeepItPractical")]
    [InlineData("Logistics", false, "1", "LogisticsCounted")]
    [InlineData("Them", false, "0", "DoNotEngage")]
    public async Task Each_kind_of_contact_follows_the_programs_rule(string initiator, bool sharesChildren, string restarts, string advice)
    {
        using var browser = sharesChildren ? await ReadyAsync(ties: "SharesChildren") : await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        await browser.LogContactAsync(initiator, "2026-11-01T18:00", "Something happened.");
        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(restarts, page.TestId("restarts"));
        Assert.Equal(restarts == "0" ? 8 : 1, Streak(page));
        Assert.Contains($"data-advice=\"{advice}\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_they_keep_reaching_out_the_advice_is_one_short_request_for_space()
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        await browser.LogContactAsync("Them", "2026-10-30T20:00", "They texted hey.");
        await browser.LogContactAsync("Them", "2026-11-01T21:00", "They texted again.");
        var page = await browser.GetAsync("/no-contact");
        Assert.Contains("data-advice=\"AskForSpaceOnce\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("I need some space", page.TestId("contact-advice"), StringComparison.Ordinal);
        Assert.Equal(8, Streak(page));
    }

    [Theory]
    [InlineData("Me", "2026-10-10T12:00", "Texted them.", "Contact.OccurredAt", "before the breakup")]
    [InlineData("Me", "2026-11-04T12:00", "Texted them.", "Contact.OccurredAt", "in the future")]
    [InlineData("Me", "2026-11-01T12:00", "   ", "Contact.Note", "Add a few words")]
    [InlineData("", "2026-11-01T12:00", "Texted them.", "Contact.Initiator", "Choose who started")]
    [InlineData("Martians", "2026-11-01T12:00", "Texted them.", "Contact.Initiator", "Choose who started")]
    [InlineData("Me", "", "Texted them.", "Contact.OccurredAt", "Enter when")]
    public async Task Bad_contacts_get_a_message_beside_the_field_and_change_nothing(string initiator, string when, string note, string field, string message)
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        var page = await browser.LogContactAsync(initiator, when, note);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.FieldError(field), StringComparison.Ordinal);
        if (note.Trim().Length > 0)
        {
            Assert.Equal(note, page.FieldValue("Contact.Note"));
        }

        Assert.Empty((await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/no-contact/contacts")).EnumerateArray());
        Assert.Equal(8, Streak(await browser.GetAsync("/no-contact")));
    }

    [Fact]
    public async Task A_note_over_its_limit_is_refused_kindly_and_the_text_comes_back_and_ten_megabytes_get_the_413_page()
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        var tooLong = string.Concat(Enumerable.Repeat("I keep rereading our messages. ", 200));
        var page = await browser.LogContactAsync("Me", "2026-11-01T12:00", tooLong);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("up to 4,000 characters", page.FieldError("Contact.Note"), StringComparison.Ordinal);
        Assert.Equal(tooLong.Length, page.FieldValue("Contact.Note")!.Length);

        // Past the 1 MB page limit the form never reaches the page: the 413 page says so, and nothing is written.
        var huge = string.Concat(Enumerable.Repeat("I keep rereading our messages. ", 10 * 1024 * 1024 / 31 + 1))[..(10 * 1024 * 1024)];
        var refused = await browser.LogContactAsync("Me", "2026-11-01T12:00", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Empty((await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/no-contact/contacts")).EnumerateArray());
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        var forged = await browser.PostAsync("/no-contact?handler=Log", new Dictionary<string, string>
        {
            ["Contact.Initiator"] = "Me",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "forged",
        }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.True(forged.Has("form-expired"));

        var wrongToken = await browser.PostAsync("/no-contact?handler=Log", new Dictionary<string, string>
        {
            ["Contact.Initiator"] = "Me",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "forged",
        }, token: "CfDJ8-not-a-real-token");
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.Status);

        Assert.Empty((await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/no-contact/contacts")).EnumerateArray());
    }

    [Fact]
    public async Task A_token_from_another_account_is_refused()
    {
        using var other = await ReadyAsync();
        var othersToken = (await other.GetAsync("/no-contact")).AntiforgeryToken();

        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        var page = await browser.PostAsync("/no-contact?handler=Log", new Dictionary<string, string>
        {
            ["Contact.Initiator"] = "Me",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "cross-account",
        }, othersToken);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task A_contact_can_be_corrected_and_deleted_and_the_count_follows()
    {
        using var browser = await ReadyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        await browser.LogContactAsync("Me", "2026-11-01T12:00", "Called them.");
        Assert.Equal(1, Streak(await browser.GetAsync("/no-contact")));

        var id = Regex.Match((await browser.GetAsync("/no-contact")).Html, "/no-contact/contacts/([0-9a-f-]{36})/edit").Groups[1].Value;
        var editUrl = $"/no-contact/contacts/{id}/edit";
        var edit = await browser.GetAsync(editUrl);
        var saved = await browser.PostAsync(editUrl, new Dictionary<string, string>
        {
            ["Contact.Version"] = edit.FieldValue("Contact.Version")!,
            ["Contact.Initiator"] = "Emergency",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "It was about the dog being ill.",
        }, edit.AntiforgeryToken());
        Assert.Equal("/no-contact", saved.Location);
        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(8, Streak(page));
        Assert.Contains("about the dog being ill", page.TestId("history"), StringComparison.Ordinal);

        // The form opened before that save is now stale.
        var stale = await browser.PostAsync(editUrl, new Dictionary<string, string>
        {
            ["Contact.Version"] = edit.FieldValue("Contact.Version")!,
            ["Contact.Initiator"] = "Me",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "Overwrite attempt",
        }, edit.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("another tab or device", stale.TestId("form-errors"), StringComparison.Ordinal);
        Assert.Equal("Overwrite attempt", stale.FieldValue("Contact.Note"));

        var deleted = await browser.PostAsync($"{editUrl}?handler=Delete", [], (await browser.GetAsync(editUrl)).AntiforgeryToken());
        Assert.Equal("/no-contact", deleted.Location);
        Assert.False((await browser.GetAsync("/no-contact")).Has("history"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(editUrl)).Status);
    }

    [Fact]
    public async Task The_dashboard_shows_the_phase_the_count_and_the_next_step()
    {
        using var browser = await ReadyAsync();
        var before = await browser.GetAsync("/dashboard");
        Assert.Contains("data-phase=\"stabilize\"", before.Html, StringComparison.Ordinal);
        Assert.Contains("Commit to no contact", before.TestId("next-step"), StringComparison.Ordinal);

        await browser.StartNoContactAsync(target: 21, startDate: "2026-10-28");
        var during = await browser.GetAsync("/dashboard");
        Assert.Contains("data-phase=\"no-contact\"", during.Html, StringComparison.Ordinal);
        Assert.Equal(5, Streak(during));
        Assert.Contains("Keep going", during.TestId("next-step"), StringComparison.Ordinal);

        // Visit every few days, as a person would; the sign-in slides along.
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(13, Streak(await browser.GetAsync("/dashboard")));
        app.Clock.Advance(TimeSpan.FromDays(8));
        var done = await browser.GetAsync("/dashboard");
        Assert.Contains("data-phase=\"reflect\"", done.Html, StringComparison.Ordinal);
        Assert.Equal(21, Streak(done));
    }
}

public sealed class NoContactSqliteTests(SqliteApp app) : NoContactTests(app), IClassFixture<SqliteApp>;

public sealed class NoContactPostgresTests(PostgresApp app) : NoContactTests(app), IClassFixture<PostgresApp>;
