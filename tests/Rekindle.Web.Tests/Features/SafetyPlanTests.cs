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

/// <summary>The personal safety plan through the real pipeline: API, page, encryption, export, and reading it under the PIN lock.</summary>
public abstract class SafetyPlanTests(AppFactory app)
{
    private const string Password = "lantern orchard velvet";
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly object FullPlan = new
    {
        warningSigns = new[] { "Quokka-sign: lying awake replaying it", "  skipping meals  ", "" },
        copingSteps = new[] { "Cold shower, then a walk" },
        distractions = new[] { "The climbing wall" },
        people = new[] { "Sam, 07700 900123" },
        professionals = new[] { "My GP surgery" },
        safeEnvironment = new[] { "Priya keeps the tablets" },
        reasonsForLiving = new[] { "Quokka-reason: my sister's wedding" },
    };

    private async Task<(TestBrowser Browser, string Email)> SignedInAsync(string who = "plan")
    {
        app.Clock.Set(Monday);
        var email = Emails.New(who);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(country: "GB");
        return (browser, email);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RekindleDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonElement> PutAsync(TestBrowser browser, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/safety-plan", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"PUT answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The stored row's ciphertext, read with plain SQL.</summary>
    private async Task<string?> RawPlanAsync(Guid userId)
    {
        await using var connection = Database.OpenConnection(app.Provider, app.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"PlanCipher\" FROM \"SafetyPlans\" WHERE \"UserId\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = app.Provider == DatabaseProvider.Sqlite ? userId.ToString().ToUpperInvariant() : userId;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync() as string;
    }

    [Fact]
    public async Task The_api_reads_and_replaces_the_plan_with_a_version()
    {
        var (browser, _) = await SignedInAsync();
        using var _b = browser;
        var empty = await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan");
        Assert.Equal(0, empty.GetProperty("version").GetInt32());
        Assert.Empty(Strings(empty, "warningSigns"));
        Assert.Empty(Strings(empty, "reasonsForLiving"));

        var saved = await PutAsync(browser, FullPlan);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.Equal(["Quokka-sign: lying awake replaying it", "skipping meals"], Strings(saved, "warningSigns"));

        var read = await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan");
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Equal(
            ["copingSteps", "distractions", "people", "professionals", "reasonsForLiving", "safeEnvironment", "updatedAt", "version", "warningSigns"],
            read.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (field, expected) in new[] { ("copingSteps", "Cold shower, then a walk"), ("distractions", "The climbing wall"), ("people", "Sam, 07700 900123"), ("professionals", "My GP surgery"), ("safeEnvironment", "Priya keeps the tablets"), ("reasonsForLiving", "Quokka-reason: my sister's wedding") })
        {
            Assert.Equal([expected], Strings(read, field));
        }

        // The version read is the version to send; a stale one changes nothing.
        var next = await PutAsync(browser, new { warningSigns = new[] { "Only this" }, version = 1 });
        Assert.Equal(2, next.GetProperty("version").GetInt32());
        Assert.Empty(Strings(next, "people"));
        var stale = await PutAsync(browser, new { warningSigns = new[] { "Overwritten" }, version = 1 }, HttpStatusCode.BadRequest);
        Assert.True(stale.GetProperty("errors").TryGetProperty("", out _));
        Assert.Equal(["Only this"], Strings(await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan"), "warningSigns"));
    }

    [Fact]
    public async Task Too_many_or_too_long_lines_answer_400_with_the_field_names_and_change_nothing()
    {
        var (browser, _) = await SignedInAsync();
        using var _b = browser;
        await PutAsync(browser, FullPlan);
        var problem = await PutAsync(browser, new
        {
            warningSigns = Enumerable.Range(1, 21).Select(i => $"sign {i}").ToArray(),
            people = new[] { new string('x', 201) },
            reasonsForLiving = new[] { "fine" },
            version = 1,
        }, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["people", "warningSigns"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("20 lines", errors.GetProperty("warningSigns")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("200 characters", errors.GetProperty("people")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_page_saves_one_item_per_line_and_keeps_what_was_typed_when_a_line_is_too_long()
    {
        var (browser, _) = await SignedInAsync();
        using var _b = browser;
        var first = await browser.GetAsync("/safety-plan");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.Has("safety-plan-form"));
        // The country's crisis line sits in the professionals section.
        Assert.Contains("data-country=\"GB\"", first.Html, StringComparison.Ordinal);
        Assert.Contains("Samaritans", first.TestId("plan-crisis-lines"), StringComparison.Ordinal);

        var typed = "Walks by the river\n" + new string('y', 230);
        var refused = await browser.PostAsync("/safety-plan", new Dictionary<string, string>
        {
            ["Input.CopingSteps"] = typed,
            ["Input.ReasonsForLiving"] = "My niece",
            ["Input.Version"] = "0",
        }, first.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Line 2", refused.FieldError("Input.CopingSteps"), StringComparison.Ordinal);
        Assert.Null(refused.FieldError("Input.ReasonsForLiving"));
        Assert.Equal(typed, refused.FieldValue("Input.CopingSteps")!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("My niece", refused.FieldValue("Input.ReasonsForLiving"));
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan")).GetProperty("version").GetInt32());

        var saved = await browser.PostAsync("/safety-plan", new Dictionary<string, string>
        {
            ["Input.WarningSigns"] = "Not eating\r\n\r\n  Staying in bed  \r\n",
            ["Input.ReasonsForLiving"] = "My niece",
            ["Input.Version"] = "0",
        }, first.AntiforgeryToken());
        Assert.Equal("/safety-plan?saved=true", saved.Location);
        var page = await browser.GetAsync("/safety-plan?saved=true");
        Assert.True(page.Has("plan-saved"));
        Assert.Equal("Not eating Staying in bed", page.TestId("plan-warning-signs"));
        Assert.Equal("My niece", page.TestId("plan-reasons-for-living"));
        Assert.Equal(["Not eating", "Staying in bed"], Strings(await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan"), "warningSigns"));

        // A form opened before that save is stale: nothing is overwritten and the typing is kept.
        var stale = await browser.PostAsync("/safety-plan", new Dictionary<string, string> { ["Input.WarningSigns"] = "From an old tab", ["Input.Version"] = "0" }, first.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("another tab or device", stale.TestId("form-errors"), StringComparison.Ordinal);
        Assert.Equal("From an old tab", stale.FieldValue("Input.WarningSigns"));
    }

    [Fact]
    public async Task One_user_never_reads_or_changes_another_users_plan()
    {
        var (owner, _) = await SignedInAsync("owner");
        using var _o = owner;
        await PutAsync(owner, FullPlan);
        var (intruder, _) = await SignedInAsync("intruder");
        using var _i = intruder;

        var theirs = await intruder.GetJsonAsync<JsonElement>("/api/v1/safety-plan");
        Assert.Equal(0, theirs.GetProperty("version").GetInt32());
        Assert.DoesNotContain("Quokka", theirs.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quokka", (await intruder.GetAsync("/safety-plan")).Html, StringComparison.Ordinal);

        await PutAsync(intruder, new { warningSigns = new[] { "Intruder's own" } });
        var owners = await owner.GetJsonAsync<JsonElement>("/api/v1/safety-plan");
        Assert.Equal(1, owners.GetProperty("version").GetInt32());
        Assert.Equal("Quokka-sign: lying awake replaying it", Strings(owners, "warningSigns")[0]);
    }

    [Fact]
    public async Task The_stored_row_holds_no_plain_text()
    {
        var (browser, email) = await SignedInAsync();
        using var _b = browser;
        await PutAsync(browser, FullPlan);
        var raw = await RawPlanAsync(await UserIdAsync(email));
        Assert.NotNull(raw);
        Assert.StartsWith("v1:", raw, StringComparison.Ordinal);
        foreach (var word in new[] { "Quokka", "quokka", "climbing", "Priya", "07700" })
        {
            Assert.DoesNotContain(word, raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_plan_is_exported_imported_into_a_fresh_account_and_deleted_with_the_account()
    {
        var (owner, email) = await SignedInAsync("exporter");
        using var _o = owner;
        await PutAsync(owner, FullPlan);
        var exported = JsonNode.Parse(await owner.Client.GetStringAsync("/settings/export"))!;
        var section = exported["safetyPlan"]!;
        Assert.Equal("Quokka-reason: my sister's wedding", (string?)section["reasonsForLiving"]![0]);
        Assert.Equal("The climbing wall", (string?)section["distractions"]![0]);

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("importer"));
        var settings = await fresh.GetAsync("/settings");
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(exported.ToJsonString()));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "file", "export.json");
            form.Add(new StringContent(settings.AntiforgeryToken()), "__rvt");
            var imported = await fresh.Client.PostAsync("/settings?handler=Import", form);
            Assert.Equal("/settings", imported.Headers.Location?.OriginalString);
        }

        var restored = await fresh.GetJsonAsync<JsonElement>("/api/v1/safety-plan");
        Assert.Equal(Strings(await owner.GetJsonAsync<JsonElement>("/api/v1/safety-plan"), "warningSigns"), Strings(restored, "warningSigns"));
        Assert.Equal(["Sam, 07700 900123"], Strings(restored, "people"));

        // An import file with a plan the rules refuse imports nothing.
        using var third = app.NewBrowser();
        await third.RegisterAsync(Emails.New("third"));
        var bad = exported.DeepClone();
        bad["safetyPlan"]!["people"] = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode?)JsonValue.Create($"p{i}")).ToArray());
        var thirdSettings = await third.GetAsync("/settings");
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(bad.ToJsonString()));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "file", "export.json");
            form.Add(new StringContent(thirdSettings.AntiforgeryToken()), "__rvt");
            var refused = await third.Client.PostAsync("/settings?handler=Import", form);
            Assert.Contains("safety plan", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await third.GetJsonAsync<JsonElement>("/api/v1/safety-plan")).GetProperty("version").GetInt32());

        var userId = await UserIdAsync(email);
        Assert.NotNull(await RawPlanAsync(userId));
        var deleted = await owner.SubmitAsync("/settings", new Dictionary<string, string> { ["DeletePassword"] = Password }, "/settings?handler=Delete");
        Assert.Equal("/account/deleted", deleted.Location);
        Assert.Null(await RawPlanAsync(userId));
    }

    [Fact]
    public async Task Under_the_pin_lock_the_plan_and_help_can_be_read_but_not_changed_and_the_rest_stays_locked()
    {
        var (browser, _) = await SignedInAsync("locked");
        using var _b = browser;
        await PutAsync(browser, FullPlan);
        var set = await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "2468", ["Pin.IdleMinutes"] = "3", ["Pin.Password"] = Password }, "/settings/security?handler=Pin");
        Assert.Equal("/settings/security", set.Location);
        var token = (await browser.GetAsync("/safety-plan")).AntiforgeryToken();

        // Idle past the PIN's minutes: the app locks.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("/lock", (await browser.GetAsync("/journal")).Location);

        var plan = await browser.GetAsync("/safety-plan");
        Assert.Equal(HttpStatusCode.OK, plan.Status);
        Assert.True(plan.Has("plan-locked"));
        Assert.Contains("Quokka-reason: my sister's wedding", plan.TestId("plan-reasons-for-living"), StringComparison.Ordinal);
        Assert.Contains("Samaritans", plan.TestId("plan-crisis-lines"), StringComparison.Ordinal);
        Assert.False(plan.Has("safety-plan-form"));
        Assert.DoesNotContain("<textarea", plan.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/journal\"", plan.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/help")).Status);

        // Changing it needs the PIN: the form post goes to the lock screen, the API answers 423, and nothing changes.
        var post = await browser.PostAsync("/safety-plan", new Dictionary<string, string> { ["Input.WarningSigns"] = "Changed while locked", ["Input.Version"] = "1" }, token);
        Assert.Equal("/lock", post.Location);
        Assert.Equal((HttpStatusCode)423, (await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/safety-plan", new { warningSigns = new[] { "Changed" } })).StatusCode);
        Assert.Equal((HttpStatusCode)423, (await browser.Client.GetAsync("/api/v1/safety-plan")).StatusCode);
        foreach (var url in new[] { "/dashboard", "/journal", "/settings", "/check-in", "/settings/export" })
        {
            Assert.Equal("/lock", (await browser.GetAsync(url)).Location);
        }

        // Unlocked, the plan is as it was and can be edited again.
        var lockPage = await browser.GetAsync("/lock");
        Assert.Equal("/dashboard", (await browser.PostAsync("/lock", new Dictionary<string, string> { ["Pin"] = "2468" }, lockPage.AntiforgeryToken())).Location);
        var unlocked = await browser.GetAsync("/safety-plan");
        Assert.True(unlocked.Has("safety-plan-form"));
        Assert.False(unlocked.Has("plan-locked"));
        Assert.Equal(1, (await browser.GetJsonAsync<JsonElement>("/api/v1/safety-plan")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Every_crisis_card_and_the_urge_pause_link_to_the_plan()
    {
        var (browser, _) = await SignedInAsync("links");
        using var _b = browser;
        Assert.True((await browser.GetAsync("/help")).Has("safety-plan-link"));
        Assert.True((await browser.GetAsync("/urge")).Has("urge-safety-plan"));
        var coach = await browser.SubmitAsync("/coach", new Dictionary<string, string> { ["Input.Stage"] = "no-contact", ["Input.Text"] = "i dont want to be here anymore" });
        Assert.True(coach.Has("coach-crisis"), Page.Text(coach.Html)[..Math.Min(300, coach.Html.Length)]);
        Assert.True(coach.Has("safety-plan-link"));

        // Someone not signed in sees help without a link to a plan they don't have.
        using var visitor = app.NewBrowser();
        Assert.False((await visitor.GetAsync("/help")).Has("safety-plan-link"));
    }
}

public sealed class SafetyPlanSqliteTests(SqliteApp app) : SafetyPlanTests(app), IClassFixture<SqliteApp>;

public sealed class SafetyPlanPostgresTests(PostgresApp app) : SafetyPlanTests(app), IClassFixture<PostgresApp>;
