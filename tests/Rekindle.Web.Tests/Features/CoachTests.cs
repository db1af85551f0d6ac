using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The draft coach page and /api/v1/coach/analyze.</summary>
public abstract class CoachTests(AppFactory app)
{
    private async Task<TestBrowser> InNoContactAsync()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("coach"));
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        return browser;
    }

    [Fact]
    public async Task The_stage_is_inferred_from_the_phase_and_no_contact_says_wait()
    {
        using var browser = await InNoContactAsync();
        var page = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Stage"] = "", ["Input.Text"] = "Happy birthday, hope it's a lovely day." });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-verdict=\"wait\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("from where you are in the program", page.Html, StringComparison.Ordinal);
        Assert.Contains("unsent letter", page.TestId("suggestions"), StringComparison.Ordinal);
        Assert.Equal("Happy birthday, hope it's a lovely day.", page.FieldValue("Input.Text"));
    }

    [Fact]
    public async Task Findings_are_highlighted_in_place_with_their_reasons()
    {
        using var browser = await InNoContactAsync();
        var page = await browser.SubmitAsync("/coach", new Dictionary<string, string>
        {
            ["Input.Stage"] = "first-contact",
            ["Input.Text"] = "Hey <b>you</b>. I miss you so much, pls come back",
        });
        Assert.Contains("data-verdict=\"revise\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"finding finding-warning\" data-category=\"declaration\" title=\"Declaring feelings\">I miss you</mark>", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-category=\"begging\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;you&lt;/b&gt;", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>you</b>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Pleading", page.TestId("findings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_of_self_harm_brings_crisis_help_instead_of_editing_advice()
    {
        using var browser = await InNoContactAsync();
        var page = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Stage"] = "reconnecting", ["Input.Text"] = "i dont want to be here anymore" });
        Assert.True(page.Has("coach-crisis"));
        Assert.False(page.Has("suggestions"));
        Assert.Contains("Samaritans", page.TestId("coach-crisis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_can_be_kept_as_an_unsent_letter_instead()
    {
        using var browser = await InNoContactAsync();
        var kept = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Text"] = "I still think about the lake house." }, "/coach?handler=Keep");
        Assert.Matches("^/letters/[0-9a-f-]{36}$", kept.Location);
        Assert.Contains("lake house", (await browser.GetAsync(kept.Location!)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_huge_or_unknown_stage_drafts_are_refused_next_to_the_field()
    {
        using var browser = await InNoContactAsync();
        var empty = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Text"] = "  " });
        Assert.Contains("Write the message first", empty.FieldError("Input.Text"), StringComparison.Ordinal);
        var huge = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Text"] = new string('x', 12_000) });
        Assert.Contains("up to 10,000 characters", huge.FieldError("Input.Text"), StringComparison.Ordinal);
        var stage = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Text"] = "hi", ["Input.Stage"] = "second-date" });
        Assert.NotNull(stage.FieldError("Input.Stage"));
    }

    [Fact]
    public async Task The_api_returns_the_verdict_findings_and_suggestions()
    {
        using var browser = await InNoContactAsync();
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "hello??? answer me", stage = "reconnecting" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revise", json.GetProperty("verdict").GetString());
        Assert.Equal("reconnecting", json.GetProperty("stage").GetString());
        var finding = json.GetProperty("findings")[0];
        Assert.Equal("pressure", finding.GetProperty("category").GetString());
        Assert.Equal((0, 8), (finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));   // "hello???"
        Assert.True(json.GetProperty("suggestions").GetArrayLength() > 0);

        var inferred = await (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "hi" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no-contact", inferred.GetProperty("stage").GetString());
        Assert.True(inferred.GetProperty("stageInferred").GetBoolean());

        var crisis = await (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "I want to die", stage = "together" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(crisis.GetProperty("showCrisisResources").GetBoolean());
        Assert.Equal("GB", crisis.GetProperty("crisisResources").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "", stage = "together" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "hi", stage = "nope" })).StatusCode);
    }

    [Fact]
    public async Task What_only_the_meaning_gives_away_is_found_on_the_page_and_in_the_api_with_its_sentence_and_a_hint()
    {
        using var browser = await InNoContactAsync();
        const string draft = "Hope the new job is going well. Did you get my last 6 messages?";
        var page = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Stage"] = "reconnecting", ["Input.Text"] = draft });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-verdict=\"revise\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"finding finding-warning\" data-category=\"pressure\" title=\"Pressure\">Did you get my last 6 messages?</mark>", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-category=\"pressure\" data-severity=\"warning\" data-source=\"meaning\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Try instead:", page.TestId("findings"), StringComparison.Ordinal);
        Assert.Contains("chasing a reply", page.Html, StringComparison.Ordinal);
        Assert.Equal(draft, page.FieldValue("Input.Text"));

        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = draft, stage = "reconnecting" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revise", json.GetProperty("verdict").GetString());
        var finding = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("category").GetString() == "pressure");
        Assert.Equal("meaning", finding.GetProperty("source").GetString());
        Assert.Equal((32, 31), (finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("explanation").GetString()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("hint").GetString()));
        Assert.StartsWith("Close, but not yet: chasing a reply", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_never_close()
    {
        using var browser = await InNoContactAsync();
        var json = await (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze",
            new { text = "Answer me. I love you. You never listened. Who is he?", stage = "reconnecting" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wait", json.GetProperty("verdict").GetString());
        Assert.StartsWith("Don't send this one as it is. The main problem is chasing a reply", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}

public sealed class CoachSqliteTests(SqliteApp app) : CoachTests(app), IClassFixture<SqliteApp>;

public sealed class CoachPostgresTests(PostgresApp app) : CoachTests(app), IClassFixture<PostgresApp>;
