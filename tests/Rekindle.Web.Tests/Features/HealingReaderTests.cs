using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>On the healing track, messages from the ex are read for control and the message coach starts on a boundary message.</summary>
public abstract class HealingReaderTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> SignedInAsync(bool healing)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("healing"));
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync(controlling: healing);
        return browser;
    }

    [Fact]
    public async Task A_healing_track_message_is_read_for_control_through_the_page()
    {
        using var browser = await SignedInAsync(healing: true);
        var form = await browser.GetAsync("/ex-messages");
        Assert.False(form.Has("AcknowledgesWhatWentWrong-yes"));
        Assert.Contains("patterns of control", form.Html, StringComparison.Ordinal);

        var posted = await browser.SubmitAsync("/ex-messages", new Dictionary<string, string>
        {
            ["Input.Text"] = "saw u were online at 2am. who were u with?? after everything i did for you",
            ["Input.ReceivedAt"] = "2026-11-02T02:10",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var page = await browser.GetAsync(posted.Location!);
        Assert.True(page.Has("ex-message-control"));
        Assert.False(page.Has("ex-message-judgement"));
        Assert.DoesNotContain("data-substance", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("substance", Page.Text(page.Html), StringComparison.OrdinalIgnoreCase);
        var patterns = page.TestId("control-patterns")!;
        Assert.Contains("Monitoring and checking up", patterns, StringComparison.Ordinal);
        Assert.Contains("Guilt-tripping", patterns, StringComparison.Ordinal);
        Assert.Contains("saw u were online", patterns, StringComparison.Ordinal);
        Assert.Contains("data-reply=\"NoReply\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("You don't have to reply", page.TestId("ex-message-advice"), StringComparison.Ordinal);
        Assert.Contains("href=\"/incidents/new\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/help\"", page.Html, StringComparison.Ordinal);

        Assert.Contains("2 patterns", (await browser.GetAsync("/ex-messages")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_logistics_on_the_healing_track_get_a_brief_factual_reply_at_most()
    {
        using var browser = await SignedInAsync(healing: true);
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "pick up at 5 on saturday?", receivedAt = "2026-11-02T09:00" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, view.GetProperty("points").GetArrayLength());
        var control = view.GetProperty("control");
        Assert.Equal(0, control.GetProperty("findings").GetArrayLength());
        Assert.True(control.GetProperty("logistics").GetBoolean());
        Assert.Equal("logistics-only", control.GetProperty("reply").GetString());

        var page = await browser.GetAsync($"/ex-messages/{view.GetProperty("id").GetString()}");
        Assert.Contains("practical message", page.TestId("control-none"), StringComparison.Ordinal);
        Assert.Contains("answer only that", page.TestId("ex-message-advice"), StringComparison.Ordinal);
        Assert.Contains("href=\"/coach\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_the_healing_track_messages_are_still_weighed_for_substance()
    {
        using var browser = await SignedInAsync(healing: false);
        Assert.True((await browser.GetAsync("/ex-messages")).Has("AcknowledgesWhatWentWrong-yes"));
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "who were you with last night", receivedAt = "2026-11-02T09:00", vague = true });
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, view.GetProperty("control").ValueKind);
        var page = await browser.GetAsync($"/ex-messages/{view.GetProperty("id").GetString()}");
        Assert.True(page.Has("ex-message-judgement"));
        Assert.False(page.Has("ex-message-control"));
    }

    [Fact]
    public async Task The_coach_starts_on_a_boundary_message_on_the_healing_track_and_offers_it_to_everyone()
    {
        using var healing = await SignedInAsync(healing: true);
        var coach = await healing.GetAsync("/coach");
        Assert.Contains("Where I am now: A boundary or logistics message", coach.Html, StringComparison.Ordinal);
        var inferred = await healing.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "The kids' bags are packed for Saturday. I miss you." });
        var report = await inferred.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("boundary", report.GetProperty("stage").GetString());
        Assert.True(report.GetProperty("stageInferred").GetBoolean());
        Assert.Equal("revise", report.GetProperty("verdict").GetString());

        var page = await healing.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Stage"] = "", ["Input.Text"] = "pick up at 5 on saturday?" });
        Assert.Contains("data-verdict=\"send\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("A boundary or logistics message", page.TestId("coach-result"), StringComparison.Ordinal);

        using var other = await SignedInAsync(healing: false);
        Assert.Contains("<option value=\"boundary\"", (await other.GetAsync("/coach")).Html, StringComparison.Ordinal);
        var chosen = await other.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "I'm so sorry for everything. Keys are with Sam.", stage = "boundary" });
        var otherReport = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("boundary", otherReport.GetProperty("stage").GetString());
        Assert.Contains(otherReport.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "apology");
    }
}

public sealed class HealingReaderSqliteTests(SqliteApp app) : HealingReaderTests(app), IClassFixture<SqliteApp>;

public sealed class HealingReaderPostgresTests(PostgresApp app) : HealingReaderTests(app), IClassFixture<PostgresApp>;
