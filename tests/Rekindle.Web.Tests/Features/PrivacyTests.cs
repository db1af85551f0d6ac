using System.Text;
using Microsoft.Data.Sqlite;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>What a user writes is encrypted at rest: the raw database holds none of it.</summary>
public sealed class PrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_raw_database_file_holds_none_of_a_users_words()
    {
        const string secret = "Zephyr-note: I still keep the ticket stubs from our first concert";
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await browser.SaveSituationAsync();
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        await browser.LogContactAsync("Me", "2026-11-01T12:00", secret);
        Assert.Contains(secret, (await browser.GetAsync("/no-contact")).TestId("history"), StringComparison.Ordinal);

        // Every other place a user writes words, each with its own marker.
        string[] markers = ["Zephyr-trigger", "Zephyr-letter", "Zephyr-inbox", "Zephyr-word", "Zephyr-journal", "zephyr-tag", "Zephyr-thought", "Zephyr-kinder", "Zephyr-prompt", "Zephyr-incident", "Zephyr-where", "Zephyr-evidence", "Zephyr-hard-day", "Zephyr-own", "Zephyr-walk-away"];
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 5, trigger = "Zephyr-trigger song", wantedToSay = "Zephyr-letter: come back" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "Zephyr-inbox hey", receivedAt = "2026-11-01T10:00" });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 5, sleepHours = 7, word = "Zephyr-word" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "prompt", prompt = "Zephyr-prompt?", body = "Zephyr-journal entry", tags = "zephyr-tag" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "reframe", thought = "Zephyr-thought", pattern = "labeling", kinder = "Zephyr-kinder" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new { date = "2026-10-31", time = "21:00", what = "Zephyr-incident at the door", where = "Zephyr-where", evidence = "Zephyr-evidence folder" });
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/trigger-dates", new { label = "Zephyr-hard-day anniversary", date = "2019-11-20", yearly = true });
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/talk-prep", new { own = "Zephyr-own part", walkAway = "Zephyr-walk-away line" });
        var export = await browser.Client.GetStringAsync("/settings/export");
        Assert.All(markers, marker => Assert.Contains(marker, export, StringComparison.Ordinal));

        // Flush the write-ahead log into the main file, then read every byte of both.
        await using (var connection = new SqliteConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(path);
            foreach (var encoding in new[] { Encoding.UTF8, Encoding.Unicode })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(encoding.GetBytes("Zephyr")));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(encoding.GetBytes("zephyr")));
            }
        }
    }

    [Fact]
    public async Task The_data_protection_key_ring_in_the_database_is_encrypted_with_the_key_file()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var rings = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rings.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(rings);
        Assert.All(rings, xml =>
        {
            Assert.Contains("KeyFileXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
