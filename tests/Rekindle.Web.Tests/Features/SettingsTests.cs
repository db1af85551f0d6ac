using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Their data is theirs: export, import into a fresh account, sign out everywhere, delete everything.</summary>
public abstract class SettingsTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<(TestBrowser Browser, string Email)> WithDataAsync()
    {
        app.Clock.Set(Monday);
        var email = Emails.New("data");
        var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(breakupDate: "2026-10-01", ties: "SharesPets");
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(target: 35, startDate: "2026-10-10");
        await browser.LogContactAsync("Me", "2026-10-20T23:15", "Sent \"happy birthday\" — ünïcode ✓ and a line\nbreak.");
        await browser.LogContactAsync("Them", "2026-10-28T08:00", "They asked about the cat.");
        var urge = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 6, trigger = "Payday, our old restaurant", wantedToSay = "Dinner like old times?", alternative = "walk" });
        var urgeId = (await urge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/urges/{urgeId}/outcome", new { outcome = "passed" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = "A letter with <b>markup</b> & symbols." });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "I've been in therapy and I see what I did.", receivedAt = "2026-11-01T14:00", acknowledgesWhatWentWrong = true, showsEvidenceOfChange = true, statesClearIntention = true, vague = false, sporadic = false });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 4, sleepHours = 6.5, ateProperly = true, moved = false, urgeCount = 3, strongestUrge = 7, hadContact = false, word = "heavy, \"but\" ok" });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-02", new { mood = 6, sleepHours = 8, ateProperly = true, moved = true, urgeCount = 0 });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "prompt", prompt = "What do you miss least?", body = "The arguments about <script>chores</script>.", tags = "Home, chores" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "reframe", thought = "I ruin everything.", pattern = "labeling", kinder = "I made mistakes and I am learning from them." });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/reminders", new { dailyCheckInAt = "20:30" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new { date = "2026-10-30", time = "22:40", what = "Shouting at the door, \"open up\".", where = "Home", evidence = "Doorbell video, saved" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Our \"anniversary\" — ünïcode", date = "2020-02-29", yearly = true });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "I went quiet.\nOften.", ask = "What would you need?" });
        return (browser, email);
    }

    private static JsonObject WithoutIdentity(JsonNode document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("exportedAt");
        copy.Remove("account");
        foreach (var (_, section) in copy)
        {
            if (section is JsonArray records)
            {
                foreach (var record in records.OfType<JsonObject>())
                {
                    record.Remove("id");
                    // References between records are checked as present-or-absent, since ids are new.
                    if (record.ContainsKey("urgeId"))
                    {
                        record["urgeId"] = record["urgeId"] is null ? "none" : "linked";
                    }
                }
            }
        }

        return copy;
    }

    private static async Task<JsonNode> ExportAsync(TestBrowser browser)
    {
        var response = await browser.Client.GetAsync("/settings/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<Page> ImportAsync(TestBrowser browser, byte[] file)
    {
        var settings = await browser.GetAsync("/settings");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "file", "export.json");
        form.Add(new StringContent(settings.AntiforgeryToken()), "__rvt");
        var response = await browser.Client.PostAsync("/settings?handler=Import", form);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_account_restores_every_field()
    {
        var (owner, _) = await WithDataAsync();
        using var _owner = owner;
        var exported = await ExportAsync(owner);
        Assert.Equal("rekindle-export", (string?)exported["format"]);
        Assert.Equal(2, exported["contacts"]!.AsArray().Count);
        Assert.Equal(2, exported["checkIns"]!.AsArray().Count);
        Assert.Equal(2, exported["journal"]!.AsArray().Count);
        Assert.Equal("Shouting at the door, \"open up\".", (string?)exported["incidents"]![0]!["what"]);
        Assert.Equal("heavy, \"but\" ok", (string?)exported["checkIns"]![0]!["word"]);
        Assert.Equal("Our \"anniversary\" — ünïcode", (string?)exported["triggerDates"]![0]!["label"]);
        Assert.Equal("I went quiet.\nOften.", (string?)exported["talkPrep"]!["own"]);
        Assert.Equal("Sent \"happy birthday\" — ünïcode ✓ and a line\nbreak.", (string?)exported["contacts"]![0]!["note"]);

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("fresh"));
        var imported = await ImportAsync(fresh, Encoding.UTF8.GetBytes(exported.ToJsonString()));
        Assert.Equal("/settings", imported.Location);

        var again = await ExportAsync(fresh);
        Assert.Equal(WithoutIdentity(exported).ToJsonString(), WithoutIdentity(again).ToJsonString());
        Assert.Equal("linked", (string?)WithoutIdentity(again)["letters"]!.AsArray().Single(l => (string?)l!["body"] == "Dinner like old times?")!["urgeId"]);

        // The restored account works as the original did.
        var page = await fresh.GetAsync("/no-contact");
        Assert.Equal(page.TestId("current-streak"), (await owner.GetAsync("/no-contact")).TestId("current-streak"));
        Assert.Contains("They asked about the cat.", page.TestId("history"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated", "incomplete or damaged")]
    [InlineData("newer", "newer version of Rekindle")]
    [InlineData("foreign", "isn't a Rekindle export")]
    [InlineData("bad-record", "Nothing was imported")]
    [InlineData("no-version", "no valid version")]
    public async Task A_bad_import_file_is_refused_with_a_reason_and_writes_nothing(string kind, string reason)
    {
        var (owner, _) = await WithDataAsync();
        using var _owner = owner;
        var exported = await ExportAsync(owner);
        var text = exported.ToJsonString();
        var file = kind switch
        {
            "truncated" => text[..(text.Length / 2)],
            "newer" => text.Replace("\"version\":1", "\"version\":99", StringComparison.Ordinal),
            "foreign" => "{\"name\":\"some other app\",\"items\":[1,2,3]}",
            "bad-record" => text.Replace("\"intensity\":6", "\"intensity\":600", StringComparison.Ordinal),
            _ => text.Replace("\"version\":1", "\"version\":\"one\"", StringComparison.Ordinal),
        };

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("fresh"));
        var page = await ImportAsync(fresh, Encoding.UTF8.GetBytes(file));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, page.TestId("import-error"), StringComparison.Ordinal);

        var after = await ExportAsync(fresh);
        Assert.Empty(after["contacts"]!.AsArray());
        Assert.Empty(after["urges"]!.AsArray());
        Assert.Empty(after["letters"]!.AsArray());
        Assert.Null(after["profile"]!["breakupDate"]?.GetValue<string>());
    }

    [Fact]
    public async Task Import_refuses_an_account_that_already_has_data()
    {
        var (owner, _) = await WithDataAsync();
        using var _owner = owner;
        var exported = await ExportAsync(owner);
        var page = await ImportAsync(owner, Encoding.UTF8.GetBytes(exported.ToJsonString()));
        Assert.Contains("must be empty", page.TestId("import-error"), StringComparison.Ordinal);
        Assert.Equal(2, (await ExportAsync(owner))["contacts"]!.AsArray().Count);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_other_sessions_but_not_this_one()
    {
        var (phone, email) = await WithDataAsync();
        using var _phone = phone;
        using var laptop = app.NewBrowser();
        Assert.Equal("/dashboard", (await laptop.SignInAsync(email)).Location);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/dashboard")).Status);

        var done = await laptop.SubmitAsync("/settings", [], "/settings?handler=SignOutEverywhere");
        Assert.Equal("/settings", done.Location);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Deleting_needs_the_password_and_then_leaves_no_row_of_the_user_anywhere()
    {
        var (browser, email) = await WithDataAsync();
        using var _browser = browser;
        using var other = app.NewBrowser();
        await other.SignInAsync(email);
        Guid userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = await scope.ServiceProvider.GetRequiredService<RekindleDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        var wrong = await browser.SubmitAsync("/settings", new Dictionary<string, string> { ["DeletePassword"] = "not it" }, "/settings?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("isn't right", wrong.FieldError("DeletePassword"), StringComparison.Ordinal);
        Assert.True(await CountRowsAsync(userId) > 5);

        var deleted = await browser.SubmitAsync("/settings", new Dictionary<string, string> { ["DeletePassword"] = "lantern orchard velvet" }, "/settings?handler=Delete");
        Assert.Equal("/account/deleted", deleted.Location);
        Assert.Equal(0, await CountRowsAsync(userId));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await browser.GetAsync("/dashboard");
        Assert.True(after.Status == HttpStatusCode.Redirect, string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(1)));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/deleted")).Status);
    }

    /// <summary>Rows that belong to the user, in every table of the model that records an owner.</summary>
    private async Task<int> CountRowsAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
        var total = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var owner = entity.FindProperty("UserId") ?? (entity.ClrType == typeof(AppUser) ? entity.FindProperty("Id") : null);
            if (owner is null || owner.ClrType != typeof(Guid))
            {
                continue;
            }

            var table = entity.GetTableName();
            var column = owner.GetColumnName();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = app.Provider == Rekindle.Web.Infrastructure.DatabaseProvider.Sqlite ? userId.ToString().ToUpperInvariant() : userId;
            command.Parameters.Add(parameter);
            total += Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }
}

public sealed class SettingsSqliteTests(SqliteApp app) : SettingsTests(app), IClassFixture<SqliteApp>;

public sealed class SettingsPostgresTests(PostgresApp app) : SettingsTests(app), IClassFixture<PostgresApp>;
