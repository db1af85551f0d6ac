using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The whole program through the real pipeline: today's plan, assessments, the decision, stages, both endings, the safety pivot.</summary>
public abstract class ProgramTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private string email = "";

    private async Task<TestBrowser> StartedAsync(string noContactFrom = "2026-10-01", bool abuse = false)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        email = Emails.New("program");
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        await browser.AnswerSafetyAsync(abuse: abuse);
        await browser.StartNoContactAsync(startDate: noContactFrom);
        return browser;
    }

    private static async Task<JsonElement> ProgramAsync(TestBrowser browser) => await browser.GetJsonAsync<JsonElement>("/api/v1/program");

    [Fact]
    public async Task Todays_plan_follows_the_no_contact_day_and_a_restart_keeps_what_was_done()
    {
        using var browser = await StartedAsync(noContactFrom: "2026-10-25");
        var today = await browser.GetAsync("/today");
        Assert.Equal("9", System.Text.RegularExpressions.Regex.Match(today.Html, "data-day=\"(\\d+)\"").Groups[1].Value);
        var day9 = File.ReadAllText(Path.Combine(Repository.Root, "content", "en", "days", "day-09.md"));
        var title = day9.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal))[6..].Trim();
        Assert.Contains(WebUtility.HtmlEncode(title), today.Html, StringComparison.Ordinal);

        foreach (var item in new[] { "Lesson", "Action" })
        {
            var done = await browser.PostAsync("/today", new Dictionary<string, string> { ["day"] = "9", ["item"] = item, ["done"] = "true" }, today.AntiforgeryToken());
            Assert.Equal("/today", done.Location);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/today/3/prompt", new { done = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/today/10/prompt", new { done = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/today?day=12")).StatusCode);

        // Reaching out restarts the count, not the plan: day 9's items are still done.
        await browser.LogContactAsync("Me", "2026-11-02T10:00", "slipped");
        var plan = await browser.GetJsonAsync<JsonElement>("/api/v1/today");
        Assert.Equal(9, plan.GetProperty("day").GetInt32());
        Assert.Equal(["action", "lesson"], plan.GetProperty("done").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal(["prompt"], (await browser.GetJsonAsync<JsonElement>("/api/v1/today?day=3")).GetProperty("done").EnumerateArray().Select(e => e.GetString()!));
        Assert.DoesNotContain(3, plan.GetProperty("earlierOpenDays").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task The_inventory_is_saved_as_versions_and_needs_a_reason()
    {
        using var browser = await StartedAsync();
        Assert.Equal("reflect", (await ProgramAsync(browser)).GetProperty("recommended").GetString());
        var empty = await browser.SubmitAsync("/inventory", new Dictionary<string, string> { ["Answers.Values[my-part]"] = "I went quiet when things got hard." });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Tick at least one reason", empty.Html, StringComparison.Ordinal);
        Assert.Contains("I went quiet when things got hard.", empty.Html, StringComparison.Ordinal);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Answers.Chosen", "communication"), new("Answers.Chosen", "circumstances"),
            new("Answers.Values[communication:weight]", "3"), new("Answers.Values[communication:kind]", "character"),
            new("Answers.Values[my-part]", "I went quiet when things got hard."), new("Answers.Values[their-part]", "They worked late every night."),
        };
        Assert.Equal("/inventory", (await browser.SubmitAsync("/inventory", fields)).Location);
        var saved = await browser.GetAsync("/inventory");
        Assert.True(saved.Has("saved"));
        Assert.Contains("complete", saved.TestId("saved"), StringComparison.Ordinal);
        Assert.Equal("decide", (await ProgramAsync(browser)).GetProperty("recommended").GetString());

        await browser.SubmitAsync("/inventory", fields.Append(new("Answers.Values[changed]", "I started therapy.")));
        var history = await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/inventory");
        Assert.Equal(2, history.GetArrayLength());
        var first = history[1].GetProperty("id").GetString();
        var revision = await browser.GetAsync($"/assessments/{first}");
        Assert.Contains("Communication broke down", revision.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("I started therapy.", revision.Html, StringComparison.Ordinal);

        var hostile = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication", "<script>" } });
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
    }

    private static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public async Task Bad_answers_and_stage_logs_are_refused_with_a_message_for_each_field()
    {
        using var browser = await StartedAsync();
        var choices = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new
        {
            chosen = new[] { "communication", "<script>" },
            values = new Dictionary<string, string> { ["nope"] = "x", ["my-part"] = new string('a', 5_001) },
        }));
        Assert.Equal(["\"<script>\" isn't one of the choices."], choices["chosen"]);
        Assert.Equal(["\"nope\" isn't one of the questions."], choices["values"]);
        Assert.Equal(["Each answer can be up to 5,000 characters; this one has 5,001."], choices["my-part"]);

        // An empty tick (a hostile form's blank value binds as null) is named, not a crash.
        var blank = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/heal", new { chosen = new string?[] { null } }));
        Assert.Equal(["\"\" isn't one of the choices."], blank["chosen"]);
        var healing = await browser.GetAsync("/healing");
        var blankForm = await browser.PostAsync("/healing", new Dictionary<string, string> { ["Answers.Chosen"] = "  " }, healing.AntiforgeryToken());
        Assert.True((int)blankForm.Status < 500, $"/healing answered {(int)blankForm.Status}");

        var noCause = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = Array.Empty<string>() }));
        Assert.Equal(["Tick at least one reason it ended. You can tick several."], noCause["chosen"]);
        var decision = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "maybe" }));
        Assert.Equal(["The decision is pursue, not now, or let go."], decision["decision"]);
        Assert.Equal(["Choose a phase from the list."], (await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = "elsewhere" })))["phase"]);

        var stage = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "elsewhere", occurredOn = "2026-12-25", note = new string('n', 5_001) }));
        Assert.Equal(["Choose the stage that happened."], stage["stage"]);
        Assert.Equal(["That day hasn't happened yet."], stage["occurredOn"]);
        Assert.Equal(["A note can be up to 5,000 characters; this one has 5,001."], stage["note"]);
        var outcome = await ProblemsAsync(await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "outcome" }));
        Assert.Equal(["When did it happen?"], outcome["occurredOn"]);
        Assert.Equal(["What did they say: yes or no?"], outcome["outcome"]);

        // Nothing was saved by any of them.
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/inventory")).GetArrayLength());
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/stages")).GetArrayLength());
    }

    [Fact]
    public async Task The_decision_explains_itself_with_serious_red_flags_first_and_the_choice_is_the_users()
    {
        using var browser = await StartedAsync();
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "trust" }, values = new Dictionary<string, string> { ["my-part"] = "x", ["their-part"] = "y" } });
        var page = await browser.SubmitAsync("/decide", new List<KeyValuePair<string, string>>
        {
            new("Answers.Chosen", "love"), new("Answers.Chosen", "both-grew"), new("Answers.Chosen", "unchanged-cheating"), new("Answers.Chosen", "lonely"),
            new("Answers.Values[why-ended]", "yes"), new("Answers.Values[future]", "no"),
        });
        Assert.Equal("/decide", page.Location);
        var advice = await browser.GetAsync("/decide");
        Assert.Contains("data-leaning=\"DoNotPursue\"", advice.Html, StringComparison.Ordinal);
        var points = advice.TestId("points")!;
        Assert.StartsWith("Serious red flag", points.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Rooted in desperation", points, StringComparison.Ordinal);
        Assert.DoesNotContain("%", advice.TestId("advice"), StringComparison.Ordinal);
        // API clients get the same explanation as readable text, not the keys the rules chose.
        var apiAdvice = await browser.GetJsonAsync<JsonElement>("/api/v1/decide/advice");
        Assert.Equal("DoNotPursue", apiAdvice.GetProperty("leaning").GetString());
        Assert.Contains("not to pursue", apiAdvice.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var firstPoint = apiAdvice.GetProperty("points")[0];
        Assert.Equal("SeriousRedFlag", firstPoint.GetProperty("kind").GetString());
        Assert.Contains("harm", firstPoint.GetProperty("why").GetString(), StringComparison.Ordinal);

        // The user decides, whatever the advice: here, to let go.
        var decided = await browser.PostAsync("/decide?handler=Decision", new Dictionary<string, string> { ["decision"] = "let-go" }, advice.AntiforgeryToken());
        Assert.Equal("/healing", decided.Location);
        var healing = await browser.GetAsync("/healing");
        Assert.True(healing.Has("ending-honoured"));
        Assert.Equal("accept", (await ProgramAsync(browser)).GetProperty("recommended").GetString());
        Assert.Equal("let-go", (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide"))[0].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Pursuing_leads_through_readiness_and_the_stages_to_rebuild_or_accept()
    {
        using var browser = await StartedAsync();
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "circumstances" }, values = new Dictionary<string, string> { ["my-part"] = "x", ["their-part"] = "y" } });
        // "Pursue" opens a week after the finished inventory; a jump of days leaves the session idle.
        app.Clock.Set(Monday.AddDays(7));
        if ((await browser.Client.GetAsync("/api/v1/program")).StatusCode != HttpStatusCode.OK)
        {
            await browser.SignInAsync(email);
        }
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love", "both-grew", "situational" }, decision = "pursue" })).StatusCode);
        Assert.Equal("reach-out", (await ProgramAsync(browser)).GetProperty("recommended").GetString());

        var readiness = await browser.GetAsync("/readiness");
        Assert.Contains("data-item=\"pursue\" data-status=\"met\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("data-item=\"inventory\" data-status=\"met\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("data-item=\"steady\" data-status=\"unknown\"", readiness.Html, StringComparison.Ordinal);
        Assert.Contains("You chose to pursue.", readiness.TestId("readiness"), StringComparison.Ordinal);
        await browser.PostAsync("/readiness", new Dictionary<string, string> { ["Answers.Values[okay-if-no]"] = "yes" }, readiness.AntiforgeryToken());
        Assert.Contains("data-item=\"okay-if-no\" data-status=\"met\"", (await browser.GetAsync("/readiness")).Html, StringComparison.Ordinal);

        foreach (var stage in new[] { "first-message", "light-talk", "call" })
        {
            Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage, occurredOn = "2026-11-01", confirmBreakingNoContact = true })).StatusCode);
        }

        Assert.Equal("reconnect", (await ProgramAsync(browser)).GetProperty("recommended").GetString());
        var stages = await browser.GetAsync("/stages");
        Assert.Contains("data-next=\"casual-meeting\"", stages.Html, StringComparison.Ordinal);
        var noOutcome = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "outcome", ["Input.OccurredOn"] = "2026-11-02" }, stages.AntiforgeryToken());
        Assert.Contains("yes or no", noOutcome.FieldError("Input.Outcome"), StringComparison.Ordinal);
        var future = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "date", ["Input.OccurredOn"] = "2026-12-02", ["Input.ConfirmBreakingNoContact"] = "true" }, stages.AntiforgeryToken());
        Assert.NotNull(future.FieldError("Input.OccurredOn"));

        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "the-talk", occurredOn = "2026-11-02", confirmBreakingNoContact = true });
        Assert.Equal("talk", (await ProgramAsync(browser)).GetProperty("recommended").GetString());
        var yes = await browser.PostAsync("/stages", new Dictionary<string, string> { ["Input.Stage"] = "outcome", ["Input.OccurredOn"] = "2026-11-02", ["Input.Outcome"] = "yes", ["Input.Note"] = "They said yes, slowly." }, stages.AntiforgeryToken());
        Assert.Equal("/stages", yes.Location);
        Assert.Equal("rebuild", (await ProgramAsync(browser)).GetProperty("recommended").GetString());
        var rebuild = await browser.GetAsync("/stages");
        Assert.True(rebuild.Has("rebuild"));
        await browser.PostAsync("/stages?handler=CheckIn", new Dictionary<string, string> { ["CheckIn.Values[need-more]"] = "More Sunday walks." }, rebuild.AntiforgeryToken());
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/rebuild")).GetArrayLength());

        // Together again, the dashboard points to the couple's check-in instead of counting days without contact.
        var dashboard = await browser.GetAsync("/dashboard");
        Assert.False(dashboard.Has("dashboard-streak"));
        Assert.True(dashboard.Has("dashboard-rebuild"));
    }

    [Fact]
    public async Task Users_move_backward_and_forward_and_back_to_the_suggestion()
    {
        using var browser = await StartedAsync();
        var moved = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = "focus" });
        var state = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("focus", state.GetProperty("current").GetString());
        Assert.Equal("reflect", state.GetProperty("recommended").GetString());
        var page = await browser.GetAsync("/program");
        Assert.Contains("data-current=\"focus\"", page.Html, StringComparison.Ordinal);
        var back = await browser.PostAsync("/program?handler=Move", new Dictionary<string, string> { ["phase"] = "" }, page.AntiforgeryToken());
        Assert.Equal("/program", back.Location);
        Assert.Equal("reflect", (await ProgramAsync(browser)).GetProperty("current").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = "elsewhere" })).StatusCode);
        Assert.Contains("guides/they-contact-you", (await browser.GetAsync("/program/no-contact")).Html, StringComparison.Ordinal);
        Assert.True((await browser.GetAsync("/guides/they-contact-you")).Has("guide"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/guides/nothing-here")).StatusCode);
    }

    [Fact]
    public async Task After_the_safety_pivot_reconciliation_pages_refuse_with_an_explanation()
    {
        using var browser = await StartedAsync(abuse: true);
        var state = await ProgramAsync(browser);
        Assert.Equal("heal", state.GetProperty("recommended").GetString());
        foreach (var path in new[] { "/decide", "/signs", "/readiness", "/stages", "/program/reach-out", "/program/talk", "/program/rebuild" })
        {
            var page = await browser.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{path} answered {(int)page.Status}");
            Assert.Contains("switched off", page.TestId("refused"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/program/heal")).Status);
        var healing = await browser.GetAsync("/healing");
        Assert.Contains("data-track=\"heal\"", healing.Html, StringComparison.Ordinal);
        var saved = await browser.PostAsync("/healing", new Dictionary<string, string> { ["Answers.Chosen"] = "support" }, healing.AntiforgeryToken());
        Assert.True(saved.Location == "/healing", Page.Text(saved.Html));
        Assert.True((await browser.GetAsync("/healing")).Has("saved"));
        var refusedDecide = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" } });
        Assert.Equal(HttpStatusCode.Conflict, refusedDecide.StatusCode);
        Assert.Contains("abuse, threats, control", await refusedDecide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refusedMove = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = "talk" });
        Assert.Equal(HttpStatusCode.Conflict, refusedMove.StatusCode);
        Assert.Contains("abuse, threats, control", await refusedMove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "call", occurredOn = "2026-11-01" })).StatusCode);
        Assert.Contains(state.GetProperty("phases").EnumerateArray(), p => p.GetProperty("id").GetString() == "talk" && !p.GetProperty("allowed").GetBoolean()
            && p.GetProperty("reason").GetString()!.Contains("abuse, threats, control", StringComparison.Ordinal));
        // Closed phases are listed with the reason, never described: no title that coaches getting back together.
        Assert.All(state.GetProperty("phases").EnumerateArray().Where(p => !p.GetProperty("allowed").GetBoolean()),
            p => Assert.Equal(JsonValueKind.Null, p.GetProperty("title").ValueKind));
    }
}

public sealed class ProgramSqliteTests(SqliteApp app) : ProgramTests(app), IClassFixture<SqliteApp>;

public sealed class ProgramPostgresTests(PostgresApp app) : ProgramTests(app), IClassFixture<PostgresApp>;

/// <summary>Broken content stops the app at start-up with the file and line, instead of failing later in a page.</summary>
public sealed class BrokenContentTests
{
    [Fact]
    public void The_app_refuses_to_start_and_names_the_file_and_line()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"rekindle-content-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(Repository.Root, "content"), copy);
        var phases = Path.Combine(copy, "en", "program", "phases.yaml");
        File.WriteAllText(phases, File.ReadAllText(phases).Replace("id: rebuild", "id: rebuilding", StringComparison.Ordinal));
        using var app = new ContentApp(copy);
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = error.ToString();
        Assert.Contains("program/phases.yaml:", message, StringComparison.Ordinal);
        Assert.Contains("unknown phase \"rebuilding\"", message, StringComparison.Ordinal);
        Directory.Delete(copy, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class ContentApp(string contentDirectory) : AppFactoryWithContent(contentDirectory);
}

/// <summary>A SQLite app reading its content from another folder.</summary>
public class AppFactoryWithContent(string contentDirectory) : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Rekindle:ContentDirectory"] = contentDirectory };
}
