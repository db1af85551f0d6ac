using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Core.Coach;
using Rekindle.Core.Journey;
using Rekindle.Core.Safety;
using Rekindle.Web.Data;
using Rekindle.Web.Tests.Infrastructure;
using Rekindle.Web.Tests.Security;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The reconciliation policy through the real pipeline: for every kind of reason, every route that coaches or records
/// the way back refuses (pages explain, the API answers 409 with problem details); with the screen answered no, they
/// all work; leaving the healing track is confirmed, waits a week and asks for a reflection. The route list is checked
/// against the app's own endpoints, coach stages and phases, so a new route that forgets the rule fails here.
/// </summary>
public abstract class ReconciliationTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    /// <summary>One request to a reconciliation route, and what it answered.</summary>
    private sealed record Call(string Endpoint, string Name, Func<TestBrowser, string, Task<HttpResponseMessage>> Send, bool IsApi);

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static Func<TestBrowser, string, Task<HttpResponseMessage>> Post(string action, Dictionary<string, string> fields) =>
        async (browser, token) => (await browser.PostAsync(action, fields, token)).Response;

    private static Func<TestBrowser, string, Task<HttpResponseMessage>> Get(string url) => async (browser, _) => (await browser.GetAsync(url)).Response;

    private static Func<TestBrowser, string, Task<HttpResponseMessage>> Json(HttpMethod method, string url, object body) =>
        (browser, _) => browser.SendJsonAsync(method, url, body);

    /// <summary>
    /// Every way to ask for reconciliation work, by endpoint ("METHOD pattern" as the app's EndpointDataSource names it).
    /// Coach stages and phases come from the enums, so a new one is covered (or left out) by the policy itself.
    /// </summary>
    private static List<Call> ReconciliationCalls()
    {
        var calls = new List<Call>();
        foreach (var stage in Enum.GetValues<CoachStage>().Where(s => s.IsReconciliation()).Select(s => s.Id()))
        {
            calls.Add(new("POST api/v1/coach/analyze", $"coach API {stage}", Json(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "Hi, I hope your week is going well.", stage }), true));
            calls.Add(new("POST coach", $"coach page {stage}", Post("/coach", Form(("Input.Stage", stage), ("Input.Text", "Hi, I hope your week is going well."))), false));
        }

        foreach (var phase in Phases.All.Where(ReconciliationPolicy.IsReconciliationPhase).Select(p => p.Id()))
        {
            calls.Add(new("PUT api/v1/program/phase", $"move API {phase}", Json(HttpMethod.Put, "/api/v1/program/phase", new { phase }), true));
            calls.Add(new("GET program/{phase}", $"phase page {phase}", Get($"/program/{phase}"), false));
            calls.Add(new("POST program", $"move page {phase}", Post("/program?handler=Move", Form(("phase", phase))), false));
        }

        calls.Add(new("POST api/v1/stages/", "stage API", Json(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", confirmBreakingNoContact = true }), true));
        calls.Add(new("GET stages", "stage page", Get("/stages"), false));
        calls.Add(new("PUT api/v1/stages/wait-days", "wait days API", Json(HttpMethod.Put, "/api/v1/stages/wait-days", new { days = 5 }), true));
        calls.Add(new("POST stages", "stage log", Post("/stages", Form(("Input.Stage", "first-message"), ("Input.OccurredOn", "2026-11-01"), ("Input.ConfirmBreakingNoContact", "true"))), false));
        calls.Add(new("POST stages", "rebuild check-in", Post("/stages?handler=CheckIn", Form(("CheckIn.Values[need-more]", "Walks."))), false));
        foreach (var kind in new[] { "signs", "readiness", "rebuild" })
        {
            calls.Add(new("POST api/v1/assessments/{kind}", $"assessment API {kind}", Json(HttpMethod.Post, $"/api/v1/assessments/{kind}", new { chosen = Array.Empty<string>() }), true));
        }

        calls.Add(new("POST api/v1/assessments/{kind}", "pursue API", Json(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "pursue" }), true));
        calls.Add(new("GET signs", "signs page", Get("/signs"), false));
        calls.Add(new("POST signs", "signs save", Post("/signs", Form(("Answers.Chosen", "past"))), false));
        calls.Add(new("GET readiness", "readiness page", Get("/readiness"), false));
        calls.Add(new("POST readiness", "readiness save", Post("/readiness", Form(("Answers.Values[okay-if-no]", "yes"))), false));
        calls.Add(new("POST decide", "pursue page", Post("/decide?handler=Decision", Form(("decision", "pursue"))), false));
        calls.Add(new("GET talk-prep", "talk worksheet page", Get("/talk-prep"), false));
        calls.Add(new("POST talk-prep", "talk worksheet save", Post("/talk-prep", Form(("Input.Own", "I went quiet."))), false));
        calls.Add(new("GET api/v1/talk-prep/", "talk worksheet API", Get("/api/v1/talk-prep"), true));
        calls.Add(new("PUT api/v1/talk-prep/", "talk worksheet save API", Json(HttpMethod.Put, "/api/v1/talk-prep", new { own = "I went quiet." }), true));
        return calls;
    }

    /// <summary>Every other endpoint: read, healing, safety, account and settings work that never coaches toward the ex.</summary>
    private static readonly HashSet<string> NotReconciliation = new(StringComparer.Ordinal)
    {
        "GET ", "POST ", "GET account/deleted", "POST account/deleted", "GET account/lockout", "POST account/lockout", "GET account/login", "POST account/login",
        "GET account/logout", "POST account/logout", "GET account/quick-exit", "POST account/quick-exit", "GET account/register", "POST account/register", "GET assessments/{id:guid}", "POST assessments/{id:guid}",
        "GET check-in", "POST check-in", "GET coach", "GET dashboard", "POST dashboard", "GET decide", "GET error", "POST error", "GET ex-messages", "POST ex-messages",
        "GET ex-messages/{id:guid}", "POST ex-messages/{id:guid}", "GET guides/{slug}", "POST guides/{slug}", "GET healing", "POST healing", "GET healing/track",
        "POST healing/track", "GET help", "POST help", "GET inventory", "POST inventory", "GET journal", "POST journal", "GET journal/new", "POST journal/new",
        "GET journal/{id:guid}", "POST journal/{id:guid}", "GET letters", "POST letters", "GET letters/{id:guid}", "POST letters/{id:guid}", "GET lock", "POST lock",
        "GET no-contact", "POST no-contact", "GET no-contact/contacts/{id:guid}/edit", "POST no-contact/contacts/{id:guid}/edit", "GET program", "POST program/{phase}",
        "GET progress", "POST progress", "GET reminders", "POST reminders", "GET settings", "POST settings", "GET settings/export", "POST settings/export",
        "GET settings/security", "POST settings/security", "GET situation", "POST situation", "GET situation/safety", "POST situation/safety", "GET today", "POST today",
        "GET urge", "POST urge", "GET urge/{id:guid}", "POST urge/{id:guid}",
        "GET incidents", "POST incidents", "GET incidents/new", "POST incidents/new", "GET incidents/print", "POST incidents/print",
        "GET incidents/{id:guid}", "POST incidents/{id:guid}", "GET safety-plan", "POST safety-plan",
        "GET trigger-dates", "POST trigger-dates", "GET trigger-dates/{id:guid}", "POST trigger-dates/{id:guid}",
    };

    private async Task<(TestBrowser Browser, string Email)> UserAsync(string kind)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        var email = Emails.New("policy");
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(breakupDate: "2026-09-30");
        switch (kind)
        {
            case "skipped":
                break;
            case "abuse" or "threats" or "controlling" or "betrayal":
                await browser.AnswerSafetyAsync(abuse: kind == "abuse", threats: kind == "threats", controlling: kind == "controlling", betrayal: kind == "betrayal");
                break;
            default:
                await browser.AnswerSafetyAsync();
                break;
        }

        await browser.StartNoContactAsync(startDate: "2026-10-01");
        if (kind == "decide-abuse")
        {
            Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love", "abuse" } })).StatusCode);
        }
        else if (kind == "inventory-abuse")
        {
            Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory",
                new { chosen = new[] { "abuse" }, values = new Dictionary<string, string> { ["my-part"] = "I kept the peace.", ["their-part"] = "They decided everything." } })).StatusCode);
        }
        else if (kind == "ex-threat")
        {
            await SetExThreatAsync(email, Monday.UtcDateTime.AddDays(-1));
        }

        return (browser, email);
    }

    private async Task SetExThreatAsync(string email, DateTime at)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
        var normalized = email.ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
        var cipher = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>();
        await Rekindle.Web.Features.Shared.ProfileMarks.StampAsync(db, cipher, userId, marks => marks.ExThreatFoundAt = at, CancellationToken.None);
    }

    /// <summary>After the clock jumps a week the session has gone idle: sign in again if it asks.</summary>
    private static async Task SignedInAsync(TestBrowser browser, string email)
    {
        var probe = await browser.Client.GetAsync("/api/v1/healing-track");
        if (probe.StatusCode != HttpStatusCode.OK)
        {
            var login = await browser.SignInAsync(email);
            Assert.True(login.Status == HttpStatusCode.Redirect, $"Sign-in answered {(int)login.Status}");
        }
    }

    private static async Task<string> TokenAsync(TestBrowser browser) => (await browser.GetAsync("/journal/new")).AntiforgeryToken();

    private static async Task AssertRefusedAsync(Call call, HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (call.IsApi)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{call.Name} answered {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            var open = problem.GetProperty("open").EnumerateArray().ToList();
            Assert.NotEmpty(open);
            Assert.All(open, o => Assert.StartsWith("/", o.GetProperty("href").GetString(), StringComparison.Ordinal));
        }
        else
        {
            var page = new Page(response.StatusCode, body, response);
            Assert.True(page.Has("refused"), $"{call.Name} answered {(int)response.StatusCode} without the explanation: {Page.Text(body)[..Math.Min(300, Page.Text(body).Length)]}");
            Assert.Contains($"data-reason=\"{reason}\"", body, StringComparison.Ordinal);
            Assert.True(page.Has("open-instead"), call.Name);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    public static TheoryData<string, string> Reasons() => new()
    {
        { "abuse", "safety-answer" },
        { "threats", "safety-answer" },
        { "controlling", "safety-answer" },
        { "betrayal", "safety-answer" },
        { "skipped", "screen-not-answered" },
        { "decide-abuse", "red-flag" },
        { "inventory-abuse", "inventory-abuse" },
        { "ex-threat", "ex-threat" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task Every_reconciliation_route_refuses_with_the_reason_and_what_is_open_instead(string kind, string reason)
    {
        var (browser, _) = await UserAsync(kind);
        using var _browser = browser;
        var token = await TokenAsync(browser);
        foreach (var call in ReconciliationCalls())
        {
            await AssertRefusedAsync(call, await call.Send(browser, token), reason);
        }

        // Nothing was recorded on the way.
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/stages")).GetArrayLength());
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/signs")).GetArrayLength());
        Assert.DoesNotContain("pursue", (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide")).GetRawText(), StringComparison.Ordinal);

        // The coach's page doesn't offer the reconciliation stages, and Decide doesn't offer "Pursue".
        var coach = await browser.GetAsync("/coach");
        Assert.True(coach.Has("coach-stages-closed"));
        Assert.DoesNotContain("value=\"first-contact\"", coach.Html, StringComparison.Ordinal);
        var decide = await browser.GetAsync("/decide");
        Assert.DoesNotContain("value=\"pursue\"", decide.Html, StringComparison.Ordinal);

        // Harm told on the safety screen, or a threat from the ex, closes Decide itself; a flag inside Decide or the
        // inventory leaves it open, so the flag can be changed there deliberately.
        var decideClosed = ReconciliationPolicy.Closed(Enum.Parse<ReconciliationReason>(reason.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)).ClosesDecide();
        Assert.Equal(decideClosed, decide.Has("refused"));
        Assert.Equal(decideClosed, (await browser.GetAsync("/program/decide")).Has("refused"));
        Assert.Equal(decideClosed ? HttpStatusCode.Conflict : HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = "decide" })).StatusCode);
        Assert.Equal(decideClosed ? HttpStatusCode.Conflict : HttpStatusCode.Created,
            (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "lonely", "abuse" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "abuse" }, values = new Dictionary<string, string> { ["my-part"] = "x" } })).StatusCode);

        // What is open instead still works: a no-contact draft, the healing plan.
        var noContact = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "Can you drop the keys off on Friday?", stage = "no-contact" });
        Assert.Equal(HttpStatusCode.OK, noContact.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healing")).Status);
    }

    [Fact]
    public async Task With_the_screen_answered_no_every_reconciliation_route_works()
    {
        var (browser, email) = await UserAsync("clear");
        using var _browser = browser;
        // "Pursue" also waits a week after the finished inventory (the cooling period), which is not the policy's to refuse.
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory",
            new { chosen = new[] { "communication" }, values = new Dictionary<string, string> { ["my-part"] = "I went quiet.", ["their-part"] = "They went quiet too." } })).StatusCode);
        app.Clock.Set(Monday.AddDays(7));
        await SignedInAsync(browser, email);
        var token = await TokenAsync(browser);
        foreach (var call in ReconciliationCalls())
        {
            var response = await call.Send(browser, token);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Redirect, $"{call.Name} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            Assert.DoesNotContain("data-testid=\"refused\"", body, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"first-contact\"", (await browser.GetAsync("/coach")).Html, StringComparison.Ordinal);
        Assert.Equal("pursue", (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide"))[0].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Every_endpoint_stage_and_phase_is_classified_and_each_reconciliation_one_refuses()
    {
        var calls = ReconciliationCalls();
        var reconciliation = calls.Select(c => c.Endpoint).ToHashSet(StringComparer.Ordinal);
        var all = Endpoints.All(app).Select(e => $"{e.Method} {e.Pattern}").ToList();
        var unclassified = all.Where(e => !reconciliation.Contains(e) && !NotReconciliation.Contains(e) && !e.StartsWith("GET api/", StringComparison.Ordinal)
            && !NonReconciliationApi.Contains(e)).ToList();
        Assert.True(unclassified.Count == 0,
            "Routes the reconciliation policy doesn't know about. If one coaches or records the way back, make its handler ask ReconciliationGate and add it to ReconciliationCalls; otherwise add it to the other list: "
            + string.Join(", ", unclassified));
        Assert.All(reconciliation, e => Assert.Contains(e, all));
        var stale = NotReconciliation.Concat(NonReconciliationApi).Where(e => !all.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "Listed but not in the app: " + string.Join(", ", stale) + " | app: " + string.Join(", ", all.Where(e => !e.StartsWith("GET api/", StringComparison.Ordinal))));

        // The stages and phases: exactly the ones the policy names are refused, every other one stays open.
        Assert.Equal(5, Enum.GetValues<CoachStage>().Count(s => s.IsReconciliation()));
        Assert.Equal(4, Phases.All.Count(ReconciliationPolicy.IsReconciliationPhase));
        var (browser, _) = await UserAsync("controlling");
        using var _browser = browser;
        foreach (var stage in Enum.GetValues<CoachStage>())
        {
            var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "Can you drop the keys off on Friday?", stage = stage.Id() });
            Assert.True((response.StatusCode == HttpStatusCode.Conflict) == stage.IsReconciliation(), $"{stage} answered {(int)response.StatusCode}");
        }

        var closed = ReconciliationPolicy.Closed(ReconciliationReason.SafetyAnswer);
        foreach (var phase in Phases.All)
        {
            var page = await browser.GetAsync($"/program/{phase.Id()}");
            Assert.True(page.Has("refused") == closed.Closes(phase), $"{phase} answered {(int)page.Status}");
            var move = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/program/phase", new { phase = phase.Id() });
            Assert.True((move.StatusCode == HttpStatusCode.Conflict) == closed.Closes(phase), $"moving to {phase} answered {(int)move.StatusCode}");
        }
    }

    /// <summary>API writes that don't coach toward the ex (reads under GET api/ never do).</summary>
    private static readonly HashSet<string> NonReconciliationApi = new(StringComparer.Ordinal)
    {
        "POST api/v1/dashboard/follow-up/dismiss", "POST api/v1/incidents/", "DELETE api/v1/incidents/{id:guid}", "PUT api/v1/incidents/{id:guid}",
        "PUT api/v1/safety-plan/", "POST api/v1/account/delete", "POST api/v1/account/import", "POST api/v1/account/sign-out-everywhere", "POST api/v1/auth/login", "POST api/v1/auth/logout",
        "POST api/v1/auth/register", "POST api/v1/ex-messages/", "POST api/v1/journal/", "POST api/v1/letters/", "POST api/v1/no-contact/contacts/", "POST api/v1/check-ins/{date}/contact",
        "PUT api/v1/no-contact/target", "PUT api/v1/reminders/", "PUT api/v1/situation/", "PUT api/v1/situation/safety", "POST api/v1/urges/", "GET health",
        "GET openapi/{documentName}.json", "PUT api/v1/no-contact/contacts/{id:guid}", "DELETE api/v1/no-contact/contacts/{id:guid}", "PUT api/v1/urges/{id:guid}/outcome",
        "DELETE api/v1/letters/{id:guid}", "DELETE api/v1/ex-messages/{id:guid}", "PUT api/v1/journal/{id:guid}", "DELETE api/v1/journal/{id:guid}",
        "PUT api/v1/today/{day:int}/{item}", "DELETE api/v1/stages/{id:guid}", "POST api/v1/healing-track/reflection",
        "DELETE api/v1/check-ins/{date}", "PUT api/v1/check-ins/{date}", "POST api/v1/no-contact/start",
        "POST api/v1/trigger-dates/", "PUT api/v1/trigger-dates/{id:guid}", "DELETE api/v1/trigger-dates/{id:guid}",
    };

    [Fact]
    public async Task Undoing_the_safety_answers_asks_first_waits_a_week_and_a_reflection_and_the_history_shows_the_dates()
    {
        var (browser, email) = await UserAsync("controlling");
        using var _browser = browser;
        var track = await browser.GetAsync("/healing/track");
        Assert.Contains("data-on-track=\"true\"", track.Html, StringComparison.Ordinal);
        Assert.Contains("data-direction=\"entered\"", track.TestId("track-history") is null ? "" : track.Html, StringComparison.Ordinal);

        // Every no: the page explains what changes and asks; nothing is saved yet.
        var allNo = Form(("Input.Abuse", "false"), ("Input.Threats", "false"), ("Input.Controlling", "false"), ("Input.RepeatedBetrayal", "false"));
        var asked = await browser.SubmitAsync("/situation/safety", allNo);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("seven days", asked.TestId("confirm-leaving"), StringComparison.Ordinal);
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/v1/situation")).GetProperty("controlling").GetBoolean());

        var confirmed = await browser.SubmitAsync("/situation/safety", allNo.Append(new("Input.ConfirmLeavingTrack", "true")));
        Assert.Equal("/healing/track", confirmed.Location);
        Assert.False((await browser.GetJsonAsync<JsonElement>("/api/v1/situation")).GetProperty("controlling").GetBoolean());

        // Reconciliation stays closed through the week, with the day it ends.
        var waiting = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/coach/analyze", new { text = "Hi, I hope your week is going well.", stage = "first-contact" });
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        var problem = JsonDocument.Parse(await waiting.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("leaving-track-waiting", problem.GetProperty("reason").GetString());
        Assert.Equal(Monday.UtcDateTime.AddDays(7), problem.GetProperty("opensAt").GetDateTime().ToUniversalTime());
        var page = await browser.GetAsync("/healing/track");
        Assert.True(page.Has("track-waiting"));

        var empty = await browser.PostAsync("/healing/track", Form(("Input.Text", "  ")), page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.FieldError("Input.Text"));
        Assert.Equal("/healing/track", (await browser.PostAsync("/healing/track", Form(("Input.Text", "I feel steadier, and I'd go slowly.")), page.AntiforgeryToken())).Location);

        app.Clock.Set(Monday.AddDays(7).AddMinutes(-1));
        await SignedInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-08", confirmBreakingNoContact = true })).StatusCode);

        app.Clock.Set(Monday.AddDays(7));
        await SignedInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-09", confirmBreakingNoContact = true })).StatusCode);
        var view = await browser.GetJsonAsync<JsonElement>("/api/v1/healing-track");
        Assert.True(view.GetProperty("reconciliationOpen").GetBoolean());
        Assert.False(view.GetProperty("onTrack").GetBoolean());
        Assert.Equal(["entered", "left"], view.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("direction").GetString()!));
        Assert.Equal(Monday.UtcDateTime, view.GetProperty("history")[0].GetProperty("at").GetDateTime().ToUniversalTime());
        Assert.Equal(Monday.UtcDateTime.AddDays(7), view.GetProperty("history")[1].GetProperty("at").GetDateTime().ToUniversalTime());

        // The export holds the track's dates and the reflection; never why.
        var export = await browser.Client.GetStringAsync("/api/v1/account/export");
        Assert.Contains("\"healingTrack\"", export, StringComparison.Ordinal);
        Assert.Contains("I feel steadier", export, StringComparison.Ordinal);

        // A yes again puts them straight back on the track, with a new date.
        await browser.AnswerSafetyAsync(threats: true);
        Assert.Equal(3, (await browser.GetJsonAsync<JsonElement>("/api/v1/healing-track")).GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/stages", new { stage = "call", occurredOn = "2026-11-09", confirmBreakingNoContact = true })).StatusCode);
    }

    [Fact]
    public async Task Taking_abuse_out_of_Decides_red_flags_through_the_API_needs_confirmation_and_the_waiting_week()
    {
        var (browser, email) = await UserAsync("decide-abuse");
        using var _browser = browser;
        var unconfirmed = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" } });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("confirmLeavingTrack", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/assessments/decide")).GetArrayLength());

        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide?confirmLeavingTrack=true", new { chosen = new[] { "love" } })).StatusCode);
        var pursue = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "pursue" });
        Assert.Equal(HttpStatusCode.Conflict, pursue.StatusCode);
        Assert.Contains("leaving-track-waiting", await pursue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/healing-track/reflection", new { text = "It was one bad year; I'll go slowly." })).StatusCode);
        // The cooling period before "Pursue" counts from a finished inventory; the waiting week covers it.
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory",
            new { chosen = new[] { "communication" }, values = new Dictionary<string, string> { ["my-part"] = "I went quiet.", ["their-part"] = "They went quiet too." } })).StatusCode);

        app.Clock.Set(Monday.AddDays(8));
        await SignedInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "pursue" })).StatusCode);

        // Pursue with abuse ticked in the same answers is refused at once.
        var both = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love", "abuse" }, decision = "pursue" });
        Assert.Equal(HttpStatusCode.Conflict, both.StatusCode);
    }

    [Fact]
    public async Task Undoing_the_safety_answers_through_the_API_needs_confirmation()
    {
        var (browser, _) = await UserAsync("abuse");
        using var _browser = browser;
        var allNo = new { abuse = false, threats = false, controlling = false, repeatedBetrayal = false };
        var unconfirmed = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/situation/safety", allNo);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("seven days", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/v1/situation")).GetProperty("abuse").GetBoolean());

        var confirmed = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/situation/safety", new { abuse = false, threats = false, controlling = false, repeatedBetrayal = false, confirmLeavingTrack = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var track = await browser.GetJsonAsync<JsonElement>("/api/v1/healing-track");
        Assert.Equal("leaving-track-waiting", track.GetProperty("reason").GetString());
        Assert.Equal(Monday.UtcDateTime.AddDays(7), track.GetProperty("opensAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Taking_abuse_out_of_the_inventory_on_the_page_asks_first()
    {
        var (browser, _) = await UserAsync("inventory-abuse");
        using var _browser = browser;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Answers.Chosen", "communication"), new("Answers.Values[my-part]", "I kept the peace."), new("Answers.Values[their-part]", "They worked late."),
        };
        var asked = await browser.SubmitAsync("/inventory", fields);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.True(asked.Has("confirm-leaving"));
        Assert.Contains("I kept the peace.", asked.Html, StringComparison.Ordinal);
        Assert.Equal("/inventory", (await browser.SubmitAsync("/inventory", fields.Append(new("ConfirmLeavingTrack", "true")))).Location);
        var refused = await browser.GetAsync("/signs");
        Assert.Contains("data-reason=\"leaving-track-waiting\"", refused.Html, StringComparison.Ordinal);
    }
}

public sealed class ReconciliationSqliteTests(SqliteApp app) : ReconciliationTests(app), IClassFixture<SqliteApp>;

public sealed class ReconciliationPostgresTests(PostgresApp app) : ReconciliationTests(app), IClassFixture<PostgresApp>;
