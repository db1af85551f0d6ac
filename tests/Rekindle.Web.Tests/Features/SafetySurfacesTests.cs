using System.Net;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// Crisis help wherever a person writes (issue 21): every free-text surface saves the words untouched, shows the crisis
/// card on the page that follows the save, and answers "safety" in its API responses.
/// </summary>
public abstract class SafetySurfacesTests(AppFactory app)
{
    private const string Crisis = "I want to kill myself tonight";
    private const string CrisisCard = "data-safety-level=\"crisis\"";

    private async Task<TestBrowser> InNoContactAsync()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("safety-surfaces"));
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        return browser;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static void IsCrisis(JsonElement safety, string kind)
    {
        Assert.Equal("crisis", safety.GetProperty("level").GetString());
        Assert.Equal(kind, safety.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(safety.GetProperty("message").GetString()));
        Assert.True(safety.GetProperty("contacts").GetArrayLength() > 0);
    }

    private static void ShowsCrisisCard(Page page, string kind = "self-harm")
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(CrisisCard, page.Html, StringComparison.Ordinal);
        Assert.Contains($"data-safety-kind=\"{kind}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/safety-plan\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_entry_in_crisis_is_saved_and_answered_with_help_on_the_page_and_in_the_api()
    {
        using var browser = await InNoContactAsync();
        var saved = await browser.SubmitAsync("/journal/new", new Dictionary<string, string> { ["Input.Kind"] = "Free", ["Input.Body"] = Crisis });
        Assert.Matches("^/journal/[0-9a-f-]{36}$", saved.Location);
        var entry = await browser.GetAsync(saved.Location!);
        ShowsCrisisCard(entry);
        Assert.Equal(Crisis, entry.TestId("entry-body"));
        Assert.True(entry.Html.IndexOf(CrisisCard, StringComparison.Ordinal) < entry.Html.IndexOf("data-testid=\"entry\"", StringComparison.Ordinal));

        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = Crisis }), HttpStatusCode.Created);
        Assert.Equal(Crisis, created.GetProperty("body").GetString());
        IsCrisis(created.GetProperty("safety"), "self-harm");
        var one = await browser.GetJsonAsync<JsonElement>($"/api/v1/journal/{created.GetProperty("id").GetString()}");
        IsCrisis(one.GetProperty("safety"), "self-harm");
        var updated = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/journal/{created.GetProperty("id").GetString()}", new { body = "A better evening than I feared." }), HttpStatusCode.OK);
        Assert.Equal("none", updated.GetProperty("safety").GetProperty("level").GetString());

        // Lists leave the reading out (one read per entry would make a long journal slow).
        Assert.All((await browser.GetJsonAsync<JsonElement>("/api/v1/journal")).EnumerateArray(), e => Assert.False(e.TryGetProperty("safety", out _)));
    }

    [Fact]
    public async Task A_reframe_in_crisis_gets_no_thinking_trap_label_and_is_still_saved()
    {
        using var browser = await InNoContactAsync();
        var saved = await browser.SubmitAsync("/journal/new?kind=reframe", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reframe",
            ["Input.Thought"] = Crisis,
            ["Input.Pattern"] = "FortuneTelling",
            ["Input.Kinder"] = "",
        }, "/journal/new");
        Assert.Matches("^/journal/[0-9a-f-]{36}$", saved.Location);
        var entry = await browser.GetAsync(saved.Location!);
        ShowsCrisisCard(entry);
        Assert.Equal(Crisis, entry.TestId("entry-thought"));
        Assert.False(entry.Has("entry-pattern"));

        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "reframe", thought = Crisis, pattern = "fortune-telling", kinder = "Maybe it will pass." }), HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("pattern").ValueKind);
        Assert.Equal(Crisis, created.GetProperty("thought").GetString());
        IsCrisis(created.GetProperty("safety"), "self-harm");

        // A painful thought that is not a crisis keeps its label (the reader may still offer a gentle line).
        var ordinary = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "reframe", thought = "I'll never be happy again.", pattern = "fortune-telling", kinder = "I have been happy before." }), HttpStatusCode.Created);
        Assert.Equal("fortune-telling", ordinary.GetProperty("pattern").GetString());
        Assert.NotEqual("crisis", ordinary.GetProperty("safety").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_check_in_word_in_crisis_is_saved_and_answered_with_help()
    {
        using var browser = await InNoContactAsync();
        var saved = await browser.SubmitAsync("/check-in", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-02", ["Input.Mood"] = "1", ["Input.SleepHours"] = "4", ["Input.AteProperly"] = "false", ["Input.Moved"] = "false",
            ["Input.UrgeCount"] = "0", ["Input.StrongestUrge"] = "", ["Input.Word"] = Crisis, ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await browser.GetAsync(saved.Location!);
        ShowsCrisisCard(page);
        Assert.Equal(Crisis, page.FieldValue("Input.Word"));

        var put = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 2, sleepHours = 5, word = Crisis }), HttpStatusCode.Created);
        Assert.Equal(Crisis, put.GetProperty("word").GetString());
        IsCrisis(put.GetProperty("safety"), "self-harm");
        IsCrisis((await browser.GetJsonAsync<JsonElement>("/api/v1/check-ins/2026-11-01")).GetProperty("safety"), "self-harm");
    }

    [Fact]
    public async Task An_unsent_letter_in_crisis_is_kept_and_answered_with_help_and_an_ordinary_one_is_not()
    {
        using var browser = await InNoContactAsync();
        var saved = await browser.SubmitAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = Crisis });
        Assert.Equal("/letters", saved.Location);
        var list = await browser.GetAsync("/letters");
        ShowsCrisisCard(list);
        Assert.Contains(Crisis, list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(CrisisCard, (await browser.GetAsync("/letters")).Html, StringComparison.Ordinal);

        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = Crisis }), HttpStatusCode.Created);
        IsCrisis(created.GetProperty("safety"), "self-harm");
        var letter = await browser.GetAsync($"/letters/{created.GetProperty("id").GetString()}");
        ShowsCrisisCard(letter);

        await browser.SubmitAsync("/letters", new Dictionary<string, string> { ["Input.Body"] = "I still think about the walks by the river." });
        var calm = await browser.GetAsync("/letters");
        Assert.DoesNotContain("data-safety-level", calm.Html, StringComparison.Ordinal);
        var ordinary = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = "I still think about the walks by the river." }), HttpStatusCode.Created);
        Assert.Equal("none", ordinary.GetProperty("safety").GetProperty("level").GetString());
        Assert.DoesNotContain("data-safety-level", (await browser.GetAsync($"/letters/{ordinary.GetProperty("id").GetString()}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urge_in_crisis_keeps_what_it_wanted_to_say_and_its_trigger_and_answers_with_help()
    {
        using var browser = await InNoContactAsync();
        var started = await browser.SubmitAsync("/urge", new Dictionary<string, string>
        {
            ["Input.Intensity"] = "9", ["Input.WantedToSay"] = Crisis, ["Input.Trigger"] = "Saw our old photos.",
        });
        Assert.Matches("^/urge/[0-9a-f-]{36}$", started.Location);
        ShowsCrisisCard(await browser.GetAsync(started.Location!));
        var letters = await browser.GetJsonAsync<JsonElement>("/api/v1/letters");
        Assert.Contains(letters.EnumerateArray(), l => l.GetProperty("body").GetString() == Crisis);

        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 8, trigger = Crisis }), HttpStatusCode.Created);
        Assert.Equal(Crisis, created.GetProperty("trigger").GetString());
        IsCrisis(created.GetProperty("safety"), "self-harm");
        IsCrisis((await browser.GetJsonAsync<JsonElement>($"/api/v1/urges/{created.GetProperty("id").GetString()}")).GetProperty("safety"), "self-harm");
    }

    [Fact]
    public async Task A_contact_note_in_crisis_is_logged_and_answered_with_help()
    {
        using var browser = await InNoContactAsync();
        var logged = await browser.LogContactAsync("Them", "2026-11-02T09:30", Crisis);
        Assert.Equal("/no-contact", logged.Location);
        ShowsCrisisCard(await browser.GetAsync("/no-contact"));

        var created = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/contacts", new { initiator = "them", occurredAt = "2026-11-02T10:00", note = Crisis }), HttpStatusCode.Created);
        var contact = created.GetProperty("contact");
        Assert.Equal(Crisis, contact.GetProperty("note").GetString());
        IsCrisis(contact.GetProperty("safety"), "self-harm");
        IsCrisis((await browser.GetJsonAsync<JsonElement>($"/api/v1/no-contact/contacts/{contact.GetProperty("id").GetString()}")).GetProperty("safety"), "self-harm");
    }

    [Fact]
    public async Task Stage_notes_and_inventory_answers_in_crisis_are_saved_and_answered_with_help()
    {
        using var browser = await InNoContactAsync();
        var stage = await browser.SubmitAsync("/stages", new Dictionary<string, string>
        {
            ["Input.Stage"] = "first-message", ["Input.OccurredOn"] = "2026-11-01", ["Input.Note"] = Crisis, ["Input.ConfirmBreakingNoContact"] = "true",
        });
        Assert.Equal("/stages", stage.Location);
        var stages = await browser.GetAsync("/stages");
        ShowsCrisisCard(stages);
        var createdStage = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "light-talk", occurredOn = "2026-11-02", note = Crisis, confirmBreakingNoContact = true }), HttpStatusCode.Created);
        Assert.Equal(Crisis, createdStage.GetProperty("note").GetString());
        IsCrisis(createdStage.GetProperty("safety"), "self-harm");

        var inventory = await browser.SubmitAsync("/inventory", new List<KeyValuePair<string, string>>
        {
            new("Answers.Chosen", "communication"), new("Answers.Values[my-part]", Crisis), new("Answers.Values[their-part]", "They worked late."),
        });
        Assert.Equal("/inventory", inventory.Location);
        ShowsCrisisCard(await browser.GetAsync("/inventory"));
        var saved = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new
        {
            chosen = new[] { "communication" }, values = new Dictionary<string, string> { ["my-part"] = Crisis, ["their-part"] = "They worked late." },
        }), HttpStatusCode.Created);
        Assert.Equal(Crisis, saved.GetProperty("answers").GetProperty("values").GetProperty("my-part").GetString());
        IsCrisis(saved.GetProperty("safety"), "self-harm");
        IsCrisis((await browser.GetJsonAsync<JsonElement>($"/api/v1/assessments/revisions/{saved.GetProperty("id").GetString()}")).GetProperty("safety"), "self-harm");
    }

    [Fact]
    public async Task A_threat_from_the_ex_gets_the_safety_answer_instead_of_a_reading_of_the_message()
    {
        using var browser = await InNoContactAsync();
        const string threat = "I know where you live, you'll regret this";
        var judged = await browser.SubmitAsync("/ex-messages", new Dictionary<string, string> { ["Input.Text"] = threat, ["Input.ReceivedAt"] = "2026-11-02T10:15" });
        Assert.Matches("^/ex-messages/[0-9a-f-]{36}$", judged.Location);
        var page = await browser.GetAsync(judged.Location!);
        ShowsCrisisCard(page, "threatened");
        Assert.Contains("Your safety comes first", page.Html, StringComparison.Ordinal);
        Assert.False(page.Has("ex-message-judgement"));
        Assert.False(page.Has("ex-message-advice"));
        Assert.True(page.Has("ex-message-kept"));
        Assert.Contains("you&#x27;ll regret this", page.Html, StringComparison.Ordinal);

        var api = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = threat, receivedAt = "2026-11-02T10:20" }), HttpStatusCode.Created);
        Assert.Equal(threat, api.GetProperty("text").GetString());
        IsCrisis(api.GetProperty("safety"), "threatened");

        // Listed as a matter of safety, not weighed as a message; the list API reads every message too (there are few).
        var list = await browser.GetAsync("/ex-messages");
        Assert.Contains("Your safety first", list.Html, StringComparison.Ordinal);
        Assert.All((await browser.GetJsonAsync<JsonElement>("/api/v1/ex-messages")).EnumerateArray(), m => IsCrisis(m.GetProperty("safety"), "threatened"));
    }

    [Fact]
    public async Task The_ex_threatening_their_own_life_gets_take_it_seriously_and_going_back_is_not_the_answer()
    {
        using var browser = await InNoContactAsync();
        const string threat = "I'll kill myself if you don't answer";
        var api = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = threat, receivedAt = "2026-11-02T10:20" }), HttpStatusCode.Created);
        IsCrisis(api.GetProperty("safety"), "ex-self-harm");
        var page = await browser.GetAsync($"/ex-messages/{api.GetProperty("id").GetString()}");
        ShowsCrisisCard(page, "ex-self-harm");
        Assert.Contains("Take it seriously", page.Html, StringComparison.Ordinal);
        Assert.Contains("going back is not", page.Html, StringComparison.Ordinal);
        Assert.False(page.Has("ex-message-judgement"));

        var ordinary = await JsonAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "Can you drop the keys off on Friday?", receivedAt = "2026-11-02T11:00" }), HttpStatusCode.Created);
        Assert.Equal("none", ordinary.GetProperty("safety").GetProperty("level").GetString());
        var calm = await browser.GetAsync($"/ex-messages/{ordinary.GetProperty("id").GetString()}");
        Assert.True(calm.Has("ex-message-judgement"));
        Assert.DoesNotContain("data-safety-level", calm.Html, StringComparison.Ordinal);
    }
}

public sealed class SafetySurfacesSqliteTests(SqliteApp app) : SafetySurfacesTests(app), IClassFixture<SqliteApp>;
