using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The critical moments: the urge to reach out, unsent letters, and a message from them.</summary>
public abstract class MomentsTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> InNoContactAsync()
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        return browser;
    }

    private static int Streak(Page page) => int.Parse(page.TestId("current-streak")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_urge_link_appears_on_every_page_once_no_contact_is_on()
    {
        app.Clock.Set(Monday);
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        Assert.False((await browser.GetAsync("/dashboard")).Has("urge-link"));
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync();
        foreach (var path in new[] { "/dashboard", "/no-contact", "/letters", "/situation", "/help", "/ex-messages" })
        {
            Assert.True((await browser.GetAsync(path)).Has("urge-link"), $"{path} has no urge link");
        }
    }

    [Fact]
    public async Task An_urge_that_passes_keeps_the_count_and_the_words_become_an_unsent_letter()
    {
        using var browser = await InNoContactAsync();
        var started = await browser.SubmitAsync("/urge", new Dictionary<string, string>
        {
            ["Input.Intensity"] = "8",
            ["Input.WantedToSay"] = "I miss the Sunday mornings. Can we talk?",
            ["Input.Trigger"] = "Heard our song in a shop",
            ["Input.Alternative"] = "Walk",
        });
        Assert.Matches("^/urge/[0-9a-f-]{36}$", started.Location);
        var wait = await browser.GetAsync(started.Location!);
        Assert.True(wait.Has("urge-wait"));
        Assert.Contains("go for a walk", wait.TestId("urge-wait"), StringComparison.Ordinal);

        var passed = await browser.PostAsync($"{started.Location}?handler=Outcome", new Dictionary<string, string> { ["Outcome.Outcome"] = "Passed" }, wait.AntiforgeryToken());
        Assert.Equal(started.Location, passed.Location);
        Assert.True((await browser.GetAsync(started.Location!)).Has("urge-passed"));
        Assert.Equal(8, Streak(await browser.GetAsync("/no-contact")));

        var letters = await browser.GetAsync("/letters");
        Assert.Contains("I miss the Sunday mornings", letters.TestId("letters"), StringComparison.Ordinal);
        Assert.Contains("during an urge", letters.TestId("letters"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urge_acted_on_logs_a_contact_and_restarts_the_count_once()
    {
        using var browser = await InNoContactAsync();
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 9 });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var i = 0; i < 2; i++)
        {
            var resolved = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/urges/{id}/outcome", new { outcome = "contacted" });
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(0, Streak(page));
        Assert.Equal("1", page.TestId("restarts"));
        Assert.Contains("Reached out after an urge.", page.TestId("history"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("")]
    [InlineData("seven")]
    public async Task An_urge_needs_a_rating_from_1_to_10_and_keeps_what_was_written(string intensity)
    {
        using var browser = await InNoContactAsync();
        var page = await browser.SubmitAsync("/urge", new Dictionary<string, string>
        {
            ["Input.Intensity"] = intensity,
            ["Input.WantedToSay"] = "Everything I wanted to say.",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("from 1", page.FieldError("Input.Intensity"), StringComparison.Ordinal);
        Assert.Equal("Everything I wanted to say.", page.FieldValue("Input.WantedToSay"));
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/letters")).EnumerateArray());
    }

    [Fact]
    public async Task Letters_can_be_written_searched_read_and_deleted()
    {
        using var browser = await InNoContactAsync();
        foreach (var body in new[] { "Dear you, the garden is blooming.", "I found your scarf in the closet.", "<script>alert('x')</script> is what I'd send" })
        {
            var saved = await browser.SubmitAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = body });
            Assert.Equal("/letters", saved.Location);
        }

        var all = await browser.GetAsync("/letters");
        Assert.Equal(3, Regex.Count(all.Html, "/letters/[0-9a-f-]{36}\""));
        Assert.DoesNotContain("<script>alert", all.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", all.Html, StringComparison.Ordinal);

        var found = await browser.GetAsync("/letters?q=SCARF");
        Assert.Single(Regex.Matches(found.Html, "/letters/([0-9a-f-]{36})\""));
        var id = Regex.Match(found.Html, "/letters/([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Contains("scarf", (await browser.GetAsync($"/letters/{id}")).TestId("letter"), StringComparison.Ordinal);
        Assert.True((await browser.GetAsync("/letters?q=nothing-like-this")).Has("letters-empty"));

        var letterPage = await browser.GetAsync($"/letters/{id}");
        var deleted = await browser.PostAsync($"/letters/{id}?handler=Delete", [], letterPage.AntiforgeryToken());
        Assert.Equal("/letters", deleted.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/letters/{id}")).Status);
        Assert.Equal(2, (await browser.GetJsonAsync<JsonElement>("/api/v1/letters")).GetArrayLength());
    }

    [Fact]
    public async Task An_empty_or_oversized_letter_is_refused_and_nothing_is_saved()
    {
        using var browser = await InNoContactAsync();
        var empty = await browser.SubmitAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = "   " });
        Assert.Contains("Write something first", empty.FieldError("Input.Body"), StringComparison.Ordinal);
        var huge = new string('a', 20_001);
        var tooLong = await browser.SubmitAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = huge });
        Assert.Contains("up to 20,000", tooLong.FieldError("Input.Body"), StringComparison.Ordinal);
        Assert.Equal(huge, tooLong.FieldValue("Input.Body"));
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/letters")).EnumerateArray());
    }

    [Fact]
    public async Task A_late_vague_message_during_no_contact_is_a_breadcrumb_that_can_wait()
    {
        using var browser = await InNoContactAsync();
        var judged = await browser.SubmitAsync("/ex-messages", new Dictionary<string, string>
        {
            ["Input.Text"] = "hey... u up? thinking about u",
            ["Input.ReceivedAt"] = "2026-11-01T23:48",
            ["Input.AcknowledgesWhatWentWrong"] = "false",
            ["Input.ShowsEvidenceOfChange"] = "false",
            ["Input.StatesClearIntention"] = "false",
            ["Input.IsEmergencyOrLogistics"] = "false",
            ["Input.Vague"] = "true",
        });
        Assert.Matches("^/ex-messages/[0-9a-f-]{36}$", judged.Location);
        var page = await browser.GetAsync(judged.Location!);
        Assert.Contains("data-substance=\"Breadcrumbs\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-advice=\"LetItWait\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("late at night", page.TestId("ex-message-judgement"), StringComparison.Ordinal);
        Assert.Contains("you don't need to reply now", page.TestId("ex-message-advice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_message_is_handled_on_topic_whatever_the_phase()
    {
        using var browser = await InNoContactAsync();
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new
        {
            text = "The dog is at the vet, can you sign the form?",
            receivedAt = "2026-11-02T10:00",
            isEmergencyOrLogistics = true,
        });
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("handle-on-topic", view.GetProperty("advice").GetString());
    }

    [Fact]
    public async Task A_message_needs_its_text_and_a_time_that_is_not_in_the_future()
    {
        using var browser = await InNoContactAsync();
        var page = await browser.SubmitAsync("/ex-messages", new Dictionary<string, string>
        {
            ["Input.Text"] = "",
            ["Input.ReceivedAt"] = "2026-12-25T10:00",
        });
        Assert.NotNull(page.FieldError("Input.Text"));
        Assert.Contains("in the future", page.FieldError("Input.ReceivedAt"), StringComparison.Ordinal);
        Assert.Empty((await browser.GetJsonAsync<JsonElement>("/api/v1/ex-messages")).EnumerateArray());
    }
}

public sealed class MomentsSqliteTests(SqliteApp app) : MomentsTests(app), IClassFixture<SqliteApp>;

public sealed class MomentsPostgresTests(PostgresApp app) : MomentsTests(app), IClassFixture<PostgresApp>;
