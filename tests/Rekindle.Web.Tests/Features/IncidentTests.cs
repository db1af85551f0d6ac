using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Incidents;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The private incident log through the real pipeline: pages with their form tokens, the API, the printable record, export and import.</summary>
public abstract class IncidentTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> SignedInAsync(bool healing = false)
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("incidents"));
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync(threats: healing);
        return browser;
    }

    private static Dictionary<string, string> Form(string date, string time, string what, string where = "", string evidence = "") => new()
    {
        ["Input.Date"] = date,
        ["Input.Time"] = time,
        ["Input.What"] = what,
        ["Input.Where"] = where,
        ["Input.Evidence"] = evidence,
    };

    private static async Task<string> CreateAsync(TestBrowser browser, object body)
    {
        var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task An_entry_is_added_edited_and_deleted_through_the_pages()
    {
        using var browser = await SignedInAsync();
        var form = await browser.GetAsync("/incidents/new");
        Assert.Equal("2026-11-02", form.FieldValue("Input.Date"));

        var created = await browser.SubmitAsync("/incidents/new", Form("2026-10-31", "22:15", "He stood at the door shouting for ten minutes.\nHe said \"you'll regret leaving\".", "Outside my flat", "Screenshots in the 'Oct' album; Sam next door heard it."));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var url = created.Location!;
        Assert.Matches("^/incidents/[0-9a-f-]{36}$", url);

        var entry = await browser.GetAsync(url);
        Assert.Contains("shouting for ten minutes", entry.TestId("incident-what"), StringComparison.Ordinal);
        Assert.Equal("Outside my flat", entry.TestId("incident-where"));
        Assert.Contains("Sam next door", entry.TestId("incident-evidence"), StringComparison.Ordinal);
        Assert.Equal("22:15", entry.FieldValue("Input.Time"));

        var list = await browser.GetAsync("/incidents");
        Assert.Contains("Saturday 31 October 2026", list.TestId("incidents"), StringComparison.Ordinal);
        Assert.Contains("22:15", list.TestId("incidents"), StringComparison.Ordinal);

        var edit = Form("2026-10-31", "", "He stood at the door shouting.", "Outside my flat", "");
        edit["Input.Version"] = entry.FieldValue("Input.Version")!;
        var saved = await browser.PostAsync(url, edit, entry.AntiforgeryToken());
        Assert.Equal(url, saved.Location);
        var after = await browser.GetAsync(url);
        Assert.Equal("He stood at the door shouting.", after.TestId("incident-what"));
        Assert.False(after.Has("incident-evidence"));
        Assert.True(string.IsNullOrEmpty(after.FieldValue("Input.Time")));

        // The form opened before that save is stale now: nothing is overwritten, and what was typed stays.
        var stale = await browser.PostAsync(url, new Dictionary<string, string>(Form("2026-10-31", "", "An older edit")) { ["Input.Version"] = entry.FieldValue("Input.Version")! }, entry.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("another tab or device", stale.Html, StringComparison.Ordinal);
        Assert.Equal("An older edit", stale.FieldValue("Input.What"));
        Assert.Equal("He stood at the door shouting.", (await browser.GetAsync(url)).TestId("incident-what"));

        var deleted = await browser.PostAsync($"{url}?handler=Delete", [], after.AntiforgeryToken());
        Assert.Equal("/incidents", deleted.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).Status);
        Assert.True((await browser.GetAsync("/incidents")).Has("incidents-empty"));
    }

    [Fact]
    public async Task A_form_with_problems_says_so_beside_each_field_and_keeps_what_was_typed()
    {
        using var browser = await SignedInAsync();
        var page = await browser.SubmitAsync("/incidents/new", Form("2026-11-09", "25:99", "   ", "A place", new string('e', 5_001)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Has("form-errors"));
        Assert.Contains("hasn't happened yet", page.FieldError("Input.Date"), StringComparison.Ordinal);
        Assert.Contains("couldn't read", page.FieldError("Input.Time"), StringComparison.Ordinal);
        Assert.Contains("Describe what happened", page.FieldError("Input.What"), StringComparison.Ordinal);
        Assert.Contains("5,000", page.FieldError("Input.Evidence"), StringComparison.Ordinal);
        Assert.Equal("25:99", page.FieldValue("Input.Time"));
        Assert.Equal("A place", page.FieldValue("Input.Where"));
        Assert.Equal(5_001, page.FieldValue("Input.Evidence")!.Length);

        var noDate = await browser.SubmitAsync("/incidents/new", Form("", "", "Something happened."));
        Assert.Contains("Enter the date", noDate.FieldError("Input.Date"), StringComparison.Ordinal);
        Assert.Equal("Something happened.", noDate.FieldValue("Input.What"));
        Assert.Equal(0, (await browser.GetJsonAsync<JsonElement>("/api/v1/incidents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_api_creates_reads_updates_and_deletes_with_field_errors()
    {
        using var browser = await SignedInAsync();
        var bad = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new { date = "2027-01-01", what = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("hasn't happened yet", errors.GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Describe what happened", errors.GetProperty("what")[0].GetString(), StringComparison.Ordinal);

        var id = await CreateAsync(browser, new { date = "2026-10-20", time = "08:05", what = "  A message at 3am saying I'd be sorry.  ", evidence = "Phone, screenshot 14" });
        var read = await browser.GetJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal("2026-10-20", read.GetProperty("date").GetString());
        Assert.StartsWith("08:05", read.GetProperty("time").GetString(), StringComparison.Ordinal);
        Assert.Equal("A message at 3am saying I'd be sorry.", read.GetProperty("what").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("where").ValueKind);

        var put = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}", new { date = "2026-10-21", what = "Changed.", where = "By text", version = read.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("By text", updated.GetProperty("where").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("time").ValueKind);

        var stale = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}", new { date = "2026-10-21", what = "Stale.", version = read.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.DeleteAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.DeleteAsync($"/api/v1/incidents/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_log_is_newest_first_and_paged()
    {
        using var browser = await SignedInAsync();
        for (var day = 1; day <= 25; day++)
        {
            await CreateAsync(browser, new { date = new DateOnly(2026, 10, day).ToString("yyyy-MM-dd"), what = $"Entry for day {day}." });
        }

        await CreateAsync(browser, new { date = "2026-10-25", time = "07:00", what = "Early on the 25th." });
        var first = await browser.GetJsonAsync<JsonElement>("/api/v1/incidents");
        Assert.Equal(26, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        var items = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("what").GetString()).ToList();
        Assert.Equal(20, items.Count);
        // On the same day, an entry with no time comes after (so, newest first, before) the timed one.
        Assert.Equal(["Entry for day 25.", "Early on the 25th.", "Entry for day 24."], items.Take(3));

        var second = await browser.GetJsonAsync<JsonElement>("/api/v1/incidents?page=2");
        Assert.Equal(6, second.GetProperty("items").GetArrayLength());
        Assert.Equal("Entry for day 1.", second.GetProperty("items")[5].GetProperty("what").GetString());

        var page = await browser.GetAsync("/incidents");
        Assert.Equal(20, Regex.Count(page.Html, "data-testid=\"incident\""));
        Assert.Contains("Page 1 of 2", page.TestId("incident-pages"), StringComparison.Ordinal);
        var older = await browser.GetAsync("/incidents?page=2");
        Assert.Equal(6, Regex.Count(older.Html, "data-testid=\"incident\""));
        Assert.Contains("Entry for day 1.", older.TestId("incidents"), StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count((await browser.GetAsync("/incidents?page=99")).Html, "data-testid=\"incident\""));
    }

    [Fact]
    public async Task Another_users_entry_answers_404_everywhere_and_is_not_in_their_record()
    {
        using var owner = await SignedInAsync();
        var id = await CreateAsync(owner, new { date = "2026-10-30", what = "Owner-only: the phone call." });
        using var other = await SignedInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/incidents/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}", new { date = "2026-10-30", what = "Overwritten" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"/api/v1/incidents/{id}")).StatusCode);
        var token = (await other.GetAsync("/incidents/new")).AntiforgeryToken();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/incidents/{id}", Form("2026-10-30", "", "Overwritten"), token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/incidents/{id}?handler=Delete", [], token)).Status);
        Assert.DoesNotContain("Owner-only", (await other.GetAsync("/incidents/print")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner-only", (await other.GetAsync("/incidents")).Html, StringComparison.Ordinal);
        Assert.Equal("Owner-only: the phone call.", (await owner.GetJsonAsync<JsonElement>($"/api/v1/incidents/{id}")).GetProperty("what").GetString());
    }

    [Fact]
    public async Task The_database_row_holds_no_plain_text()
    {
        using var browser = await SignedInAsync();
        var id = Guid.Parse(await CreateAsync(browser, new { date = "2026-10-30", time = "23:10", what = "Quokka-what he threw my phone", where = "Quokka-where the car park", evidence = "Quokka-evidence photos with Jo" }));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
        var row = await db.Set<Incident>().AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal(new DateOnly(2026, 10, 30), row.OccurredOn);
        foreach (var stored in new[] { row.WhatCipher, row.WhereCipher!, row.EvidenceCipher! })
        {
            Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("Quokka", stored, StringComparison.OrdinalIgnoreCase);
        }

        // The raw columns, read past the model, say the same.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"WhatCipher\" || COALESCE(\"WhereCipher\", '') || COALESCE(\"EvidenceCipher\", '') FROM \"Incidents\"";
        var raw = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                raw.Append(reader.GetString(0));
            }
        }

        Assert.NotEqual(0, raw.Length);
        Assert.DoesNotContain("Quokka", raw.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Quokka-what", (await browser.GetAsync($"/incidents/{id}")).TestId("incident-what"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_view_is_a_clean_dated_chronological_record_with_a_way_out()
    {
        using var browser = await SignedInAsync();
        await CreateAsync(browser, new { date = "2026-10-28", what = "Second: he followed me to work.", where = "Bus stop" });
        await CreateAsync(browser, new { date = "2026-09-14", time = "19:30", what = "First: the threat about the photos.", evidence = "Texts saved to the cloud folder" });
        await CreateAsync(browser, new { date = "2026-10-28", time = "08:00", what = "Before the second, that morning." });

        var response = await browser.Client.GetAsync("/incidents/print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var page = new Page(response.StatusCode, html, response);

        Assert.Contains("<title>Incident record</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-nav", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-footer", html, StringComparison.Ordinal);
        Assert.Contains("/css/print-record.css?v=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/css/site.css", html, StringComparison.Ordinal);
        Assert.Matches("<a[^>]*class=\"quick-exit\"[^>]*href=\"[^\"]+\"[^>]*data-quick-exit", html);
        Assert.Contains("href=\"/incidents\"", html, StringComparison.Ordinal);
        Assert.Contains("Printed Monday 2 November 2026, 15:00 (Europe/London). 3 entries, oldest first.", page.TestId("printed-at"), StringComparison.Ordinal);

        var record = page.TestId("incident-record")!;
        var first = record.IndexOf("First: the threat", StringComparison.Ordinal);
        var morning = record.IndexOf("Before the second", StringComparison.Ordinal);
        var second = record.IndexOf("Second: he followed", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < morning && morning < second, record);
        Assert.Contains("1. Monday 14 September 2026, 19:30", record, StringComparison.Ordinal);
        Assert.Contains("3. Wednesday 28 October 2026", record, StringComparison.Ordinal);
        Assert.Contains("Texts saved to the cloud folder", record, StringComparison.Ordinal);
        Assert.Contains("Bus stop", record, StringComparison.Ordinal);

        // Anyone's record is theirs alone; an empty one says so.
        using var empty = await SignedInAsync();
        Assert.True((await empty.GetAsync("/incidents/print")).Has("record-empty"));
    }

    [Fact]
    public async Task The_healing_track_presents_the_log_first_and_everyone_can_reach_it()
    {
        using var healing = await SignedInAsync(healing: true);
        var page = await healing.GetAsync("/healing");
        Assert.True(page.Has("healing-incidents"));
        Assert.True(page.Html.IndexOf("data-testid=\"healing-incidents\"", StringComparison.Ordinal) < page.Html.IndexOf("data-testid=\"healing\"", StringComparison.Ordinal));
        Assert.True((await healing.GetAsync("/dashboard")).Has("dashboard-incidents"));

        using var other = await SignedInAsync();
        var accept = await other.GetAsync("/healing");
        Assert.False(accept.Has("healing-incidents"));
        Assert.True(accept.Has("incidents-link"));
        Assert.True((await other.GetAsync("/journal")).Has("incidents-link"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/incidents")).Status);
    }

    [Fact]
    public async Task Export_and_import_carry_the_log_over_exactly()
    {
        using var owner = await SignedInAsync();
        await CreateAsync(owner, new { date = "2026-10-28", time = "21:05", what = "Ünïcode ✓ and \"quotes\"\nand a second line.", where = "Home", evidence = "Folder 'proof'" });
        await CreateAsync(owner, new { date = "2026-09-01", what = "An older one." });
        var exported = JsonNode.Parse(await owner.Client.GetStringAsync("/settings/export"))!;
        var section = exported["incidents"]!.AsArray();
        Assert.Equal(2, section.Count);
        Assert.Equal("An older one.", (string?)section[0]!["what"]);
        Assert.Equal("2026-10-28", (string?)section[1]!["date"]);
        Assert.Equal("Ünïcode ✓ and \"quotes\"\nand a second line.", (string?)section[1]!["what"]);

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("fresh"));
        var settings = await fresh.GetAsync("/settings");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(exported.ToJsonString()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "export.json");
        form.Add(new StringContent(settings.AntiforgeryToken()), "__rvt");
        var imported = await fresh.Client.PostAsync("/settings?handler=Import", form);
        Assert.Equal("/settings", imported.Headers.Location?.OriginalString);

        var again = JsonNode.Parse(await fresh.Client.GetStringAsync("/settings/export"))!;
        Assert.Equal(section.ToJsonString(), again["incidents"]!.ToJsonString());
        var list = await fresh.GetJsonAsync<JsonElement>("/api/v1/incidents");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Contains("Folder 'proof'", (await fresh.GetAsync("/incidents/print")).TestId("incident-record"), StringComparison.Ordinal);

    }

    [Fact]
    public async Task An_import_with_a_broken_incident_writes_nothing()
    {
        using var owner = await SignedInAsync();
        await CreateAsync(owner, new { date = "2026-10-28", what = "Kept." });
        var text = (await owner.Client.GetStringAsync("/settings/export")).Replace("\"what\": \"Kept.\"", "\"what\": \"\"", StringComparison.Ordinal);
        Assert.Contains("\"what\": \"\"", text, StringComparison.Ordinal);

        using var fresh = app.NewBrowser();
        await fresh.RegisterAsync(Emails.New("fresh"));
        var settings = await fresh.GetAsync("/settings");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "export.json");
        form.Add(new StringContent(settings.AntiforgeryToken()), "__rvt");
        var response = await fresh.Client.PostAsync("/settings?handler=Import", form);
        var page = new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        Assert.Contains("incident", page.TestId("import-error"), StringComparison.Ordinal);
        Assert.Equal(0, (await fresh.GetJsonAsync<JsonElement>("/api/v1/incidents")).GetProperty("total").GetInt32());
    }
}

public sealed class IncidentSqliteTests(SqliteApp app) : IncidentTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentPostgresTests(PostgresApp app) : IncidentTests(app), IClassFixture<PostgresApp>;
