using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Import is one rule: into an empty account, every kind counted; the whole file is checked first; it is written in batches.</summary>
public abstract class ImportRuleTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> FreshAsync()
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("import"));
        return browser;
    }

    /// <summary>An export with a contact, an urge and a plan item, from an account made for the purpose.</summary>
    private async Task<JsonObject> ExportAsync()
    {
        using var owner = await FreshAsync();
        await owner.SaveSituationAsync(breakupDate: "2026-10-01");
        await owner.AnswerSafetyAsync();
        await owner.StartNoContactAsync(startDate: "2026-10-10");
        await owner.LogContactAsync("Them", "2026-10-28T08:00", "They asked about the cat.");
        await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 6, trigger = "Payday" });
        var document = JsonNode.Parse(await owner.Client.GetStringAsync("/api/v1/account/export"))!.AsObject();
        document["program"]!["planItemsDone"] = new JsonArray(new JsonObject { ["day"] = 1, ["item"] = document["program"]!["planItemsDone"]!.AsArray().FirstOrDefault()?["item"]?.GetValue<string>() ?? "lesson", ["completedAt"] = "2026-11-01T10:00:00Z" });
        return document;
    }

    private static async Task<HttpResponseMessage> ImportAsync(TestBrowser browser, JsonNode document) =>
        await browser.Client.PostAsync("/api/v1/account/import", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

    public static TheoryData<string> Kinds() => ["journal", "check-in", "assessment", "reminders", "safety-plan", "incident"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_account_with_any_kind_of_record_is_not_empty_and_nothing_is_merged(string kind)
    {
        var document = await ExportAsync();
        using var browser = await FreshAsync();
        var made = kind switch
        {
            "journal" => await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "Mine already." }),
            "check-in" => await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 4, sleepHours = 7, ateProperly = true, moved = true, urgeCount = 0 }),
            "assessment" => await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "communication" } }),
            "reminders" => await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/reminders", new { dailyCheckInAt = "20:30" }),
            "safety-plan" => await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/safety-plan", new { warningSigns = new[] { "Not sleeping" } }),
            _ => await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new { date = "2026-10-30", what = "At the door." }),
        };
        Assert.True(made.IsSuccessStatusCode, $"{kind}: {(int)made.StatusCode} {await made.Content.ReadAsStringAsync()}");

        var response = await ImportAsync(browser, document);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = JsonNode.Parse(await browser.Client.GetStringAsync("/api/v1/account/export"))!;
        Assert.Empty(after["contacts"]!.AsArray());
        Assert.Empty(after["urges"]!.AsArray());
    }

    [Fact]
    public async Task A_duplicate_record_is_a_400_naming_it_and_writes_nothing()
    {
        var document = await ExportAsync();
        var items = document["program"]!["planItemsDone"]!.AsArray();
        items.Add(items[0]!.DeepClone());
        using var browser = await FreshAsync();
        var response = await ImportAsync(browser, document);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Contains("program", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("twice", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await browser.Client.GetStringAsync("/api/v1/account/export"))!["contacts"]!.AsArray());
    }

    [Theory]
    [InlineData("contacts", "initiator", "\"nobody\"")]
    [InlineData("contacts", "initiator", "99")]
    [InlineData("contacts", "initiator", "\"me, them\"")]
    [InlineData("urges", "outcome", "7")]
    public async Task An_unknown_value_is_a_400_naming_its_path_and_writes_nothing(string section, string field, string value)
    {
        var document = await ExportAsync();
        document[section]![0]![field] = JsonNode.Parse(value);
        using var browser = await FreshAsync();
        var response = await ImportAsync(browser, document);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty($"{section}[0].{field}", out _), text);
        Assert.Contains($"{section}[0].{field}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await browser.Client.GetStringAsync("/api/v1/account/export"))!["contacts"]!.AsArray());
    }

    [Fact]
    public async Task A_large_import_is_written_in_small_batches_and_arrives_whole()
    {
        var document = await ExportAsync();
        var urge = document["urges"]![0]!;
        var urges = new JsonArray();
        for (var i = 0; i < 1_100; i++)
        {
            var copy = urge.DeepClone();
            copy["id"] = Guid.NewGuid().ToString();
            copy["trigger"] = $"Trigger {i}";
            urges.Add(copy);
        }

        document["urges"] = urges;
        using var browser = await FreshAsync();
        var batches = new List<int>();
        void Watch(Guid user, int size)
        {
            lock (batches)
            {
                batches.Add(size);
            }
        }

        DataTransferHandler.BatchCommitted += Watch;
        HttpResponseMessage response;
        try
        {
            response = await ImportAsync(browser, document);
        }
        finally
        {
            DataTransferHandler.BatchCommitted -= Watch;
        }

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        Assert.True(batches.Count >= 1_100 / DataTransferHandler.BatchSize, $"{batches.Count} batches");
        Assert.All(batches, size => Assert.InRange(size, 1, DataTransferHandler.BatchSize));
        var after = JsonNode.Parse(await browser.Client.GetStringAsync("/api/v1/account/export"))!;
        Assert.Equal(1_100, after["urges"]!.AsArray().Count);
        Assert.Single(after["contacts"]!.AsArray());
        Assert.Equal("2026-10-10", (string?)after["profile"]!["noContactStartedOn"]);
    }
}

public sealed class ImportRuleSqliteTests(SqliteApp app) : ImportRuleTests(app), IClassFixture<SqliteApp>;

public sealed class ImportRulePostgresTests(PostgresApp app) : ImportRuleTests(app), IClassFixture<PostgresApp>;
