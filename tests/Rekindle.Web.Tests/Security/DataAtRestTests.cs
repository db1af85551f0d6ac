using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Journal;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>What the database files hold: a deleted account leaves nothing in them.</summary>
public sealed class DataAtRestTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Password = "lantern orchard velvet";

    [Fact]
    public async Task A_deleted_account_leaves_no_trace_in_the_sqlite_file_its_log_or_its_index()
    {
        var email = Emails.New("Zephyrmark");
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email, Password);
        await WriteEverywhereAsync(browser, "Zephyrmark");

        // Someone else stays: the files are not simply emptied.
        using var other = app.NewBrowser();
        await other.RegisterAsync(Emails.New("stays"), Password);
        await other.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "an ordinary day" });

        string[] stored;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            var wrappedKey = await db.UserKeys.AsNoTracking().Where(k => k.UserId == user.Id).Select(k => k.WrappedKey).SingleAsync();
            var body = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.UserId == user.Id).Select(e => e.BodyCipher!).FirstAsync();
            stored = [wrappedKey, body, user.PasswordHash!, user.SecurityStamp!];
        }

        // What says how the person is, is ciphertext in the file: every check-in column but its ids, day and times.
        using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder(app.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            raw.Open();
            using var read = raw.CreateCommand();
            read.CommandText = "SELECT * FROM \"CheckIns\"";
            using var rows = read.ExecuteReader();
            var columns = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToList();
            Assert.Contains("NumbersCipher", columns);
            Assert.DoesNotContain("Mood", columns);
            var checked_ = 0;
            while (rows.Read())
            {
                foreach (var (name, i) in columns.Select((n, i) => (n, i)).Where(c => c.n is not ("Id" or "UserId" or "LocalDate" or "CreatedAt" or "UpdatedAt" or "Version")))
                {
                    Assert.True(rows.IsDBNull(i) || rows.GetString(i).StartsWith("v1:", StringComparison.Ordinal), $"CheckIns.{name} is stored in plain text");
                    checked_++;
                }
            }

            Assert.True(checked_ >= 2);
        }

        // Before the delete the files do hold the account (the check below can see it).
        Assert.Contains(RawFiles(), f => Contains(f.Bytes, email));

        var deleted = await browser.SubmitAsync("/settings", new Dictionary<string, string> { ["DeletePassword"] = Password }, "/settings?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        var files = RawFiles();
        Assert.Contains(files, f => f.Name.EndsWith(".db", StringComparison.Ordinal));
        string[] traces = [email, email.ToUpperInvariant(), "Zephyrmark", .. stored];
        foreach (var (name, bytes) in files)
        {
            foreach (var trace in traces)
            {
                Assert.False(Contains(bytes, trace), $"{name} still holds {trace[..Math.Min(24, trace.Length)]}");
            }
        }

        // The app goes on working for the account that stayed.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/journal")).Status);
    }

    [Fact]
    public async Task Situation_and_safety_answers_urge_details_and_ex_message_checklists_are_only_ciphertext_in_the_sqlite_file()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("answers"), Password);
        // Marked values: each would show in the file as this text if it were stored in a plain column (the message's
        // substance and advice are one of the longer names).
        string[] marks = ["1987-06-05", "Mutual", "NotSure", "CallAFriend", "Contacted", "Substantive", "Breadcrumbs", "HandleOnTopic", "ProtectYourself", "ReplyCalmly", "NoReplyNeeded"];
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SaveSituationAsync(breakupDate: "1987-06-05", who: "Mutual", kind: "NotSure", ties: ["SharesChildren"])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.AnswerSafetyAsync(abuse: true, betrayal: true)).Status);
        var started = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 9, alternative = "CallAFriend" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var urgeId = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var resolved = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/urges/{urgeId}/outcome", new { outcome = "Contacted" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var message = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages",
            new { text = "thinking of you", receivedAt = "2026-11-01T23:30", acknowledgesWhatWentWrong = false, vague = true, sporadic = true });
        Assert.Equal(HttpStatusCode.Created, message.StatusCode);

        // The app reads them back as they were given.
        using (var situation = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/situation")))
        {
            var v = situation.RootElement;
            Assert.Equal(("mutual", "1987-06-05", "not-sure", true, true, true, false, true), (v.GetProperty("whoEnded").GetString(), v.GetProperty("breakupDate").GetString(),
                v.GetProperty("breakupKind").GetString(), v.GetProperty("sharesChildren").GetBoolean(), v.GetProperty("limitedContact").GetBoolean(),
                v.GetProperty("abuse").GetBoolean(), v.GetProperty("threats").GetBoolean(), v.GetProperty("repeatedBetrayal").GetBoolean()));
        }

        using (var urges = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/urges")))
        {
            var u = Assert.Single(urges.RootElement.EnumerateArray());
            Assert.Equal((9, "call-a-friend", "contacted"), (u.GetProperty("intensity").GetInt32(), u.GetProperty("alternative").GetString(), u.GetProperty("outcome").GetString()));
        }

        using (var messages = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/ex-messages")))
        {
            var m = Assert.Single(messages.RootElement.EnumerateArray());
            Assert.Equal("protect-yourself", m.GetProperty("advice").GetString());
        }

        // Every column but ids, days, times, the zone, the country and the no-contact settings is ciphertext or empty.
        using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder(app.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            raw.Open();
            AssertOnlyCiphertext(raw, "Profiles", "AnswersCipher",
                ["UserId", "TimeZoneId", "CountryCode", "SituationCompletedAt", "SafetyCompletedAt", "NoContactStartedOn", "NoContactTargetDays", "UpdatedAt", "Version"]);
            AssertOnlyCiphertext(raw, "Urges", "DetailsCipher", ["Id", "UserId", "OccurredAt", "LocalDate", "ResolvedAt", "Version"]);
            AssertOnlyCiphertext(raw, "ExMessages", "ChecklistCipher", ["Id", "UserId", "ReceivedAt", "LocalDate", "CreatedAt"]);
        }

        foreach (var (name, bytes) in RawFiles())
        {
            foreach (var mark in marks)
            {
                Assert.False(Contains(bytes, mark), $"{name} holds {mark} in plain text");
            }
        }
    }

    [Fact]
    public async Task Thinking_patterns_decisions_talk_outcomes_phases_and_crisis_marks_are_only_ciphertext_in_the_sqlite_file()
    {
        using var browser = app.NewBrowser();
        var email = Emails.New("marks");
        await browser.RegisterAsync(email, Password);
        await browser.SaveSituationAsync(who: "Them", kind: "Considered");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.AnswerSafetyAsync()).Status);
        async Task Send(HttpMethod method, string url, object body)
        {
            var response = await browser.SendJsonAsync(method, url, body);
            Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // While reconciliation is open: a phase chosen, a decision and a talk's outcome. Then a reframe, words of
        // crisis (with the low-mood card put away), a threat.
        await Send(HttpMethod.Put, "/api/v1/program/phase", new { phase = "decide" });
        await Send(HttpMethod.Post, "/api/v1/assessments/decide", new { chosen = new[] { "love" }, decision = "not-now" });
        await Send(HttpMethod.Post, "/api/v1/stages", new { stage = "outcome", occurredOn = "2026-11-01", outcome = "no" });
        await Send(HttpMethod.Post, "/api/v1/journal", new { kind = "reframe", thought = "It will always go wrong", pattern = "FortuneTelling", kinder = "It might not" });
        await Send(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "I want to kill myself tonight" });
        await Send(HttpMethod.Post, "/api/v1/dashboard/follow-up/dismiss", new { });
        await Send(HttpMethod.Post, "/api/v1/ex-messages", new { text = "I know where you live, you'll regret this", receivedAt = "2026-11-01T10:00" });

        // The app reads them back as they were given.
        Assert.Equal("not-now", (await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/assessments/decide"))[0].GetProperty("decision").GetString());
        Assert.Contains((await browser.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/stages")).EnumerateArray(),
            s => s.GetProperty("stage").GetString() == "outcome" && s.GetProperty("outcome").GetString() == "no");
        Assert.Contains("fortune-telling", await browser.Client.GetStringAsync("/api/v1/journal"), StringComparison.OrdinalIgnoreCase);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var profile = await Rekindle.Web.Features.Shared.Profiles.GetOrCreateAsync(db, scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>(), userId);
            Assert.NotNull(profile.ExThreatFoundAt);
            Assert.NotNull(profile.LastCrisisFoundAt);
            Assert.NotNull(profile.LowMoodCardDismissedAt);
            var phase = await db.Set<Rekindle.Web.Features.Journeys.JourneyState>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.ChosenPhaseCipher).SingleAsync();
            Assert.Equal("decide", await scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>().DecryptAsync(userId, Rekindle.Web.Features.Journeys.JourneyHandler.PhaseField, phase));
        }

        using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder(app.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            raw.Open();
            AssertOnlyCiphertext(raw, "Profiles", "MarksCipher",
                ["UserId", "TimeZoneId", "CountryCode", "SituationCompletedAt", "SafetyCompletedAt", "NoContactStartedOn", "NoContactTargetDays", "UpdatedAt", "Version"]);
            AssertOnlyCiphertext(raw, "JourneyStates", "ChosenPhaseCipher", ["UserId", "ChangedAt", "NoReplyDays"]);
            AssertOnlyCiphertext(raw, "JournalEntries", "PatternCipher", ["Id", "UserId", "Kind", "CreatedAt", "UpdatedAt", "LocalDate", "Version"]);
            AssertOnlyCiphertext(raw, "AssessmentRevisions", "DecisionCipher", ["Id", "UserId", "Kind", "CreatedAt", "LocalDate"]);
            AssertOnlyCiphertext(raw, "StageEvents", "OutcomeCipher", ["Id", "UserId", "Stage", "OccurredOn", "CreatedAt"]);
            foreach (var table in new[] { "Profiles", "JournalEntries", "AssessmentRevisions", "StageEvents", "JourneyStates" })
            {
                using var read = raw.CreateCommand();
                read.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
                using var rows = read.ExecuteReader();
                var columns = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToList();
                Assert.DoesNotContain(columns, c => c is "ExThreatFoundAt" or "LastCrisisFoundAt" or "LowMoodCardDismissedAt" or "Pattern" or "Decision" or "Outcome" or "ChosenPhase");
            }
        }

        foreach (var (name, bytes) in RawFiles())
        {
            foreach (var mark in new[] { "FortuneTelling", "not-now" })
            {
                Assert.False(Contains(bytes, mark), $"{name} holds {mark} in plain text");
            }
        }
    }

    private static void AssertOnlyCiphertext(SqliteConnection raw, string table, string cipherColumn, string[] plainAllowed)
    {
        using var read = raw.CreateCommand();
        read.CommandText = $"SELECT * FROM \"{table}\"";
        using var rows = read.ExecuteReader();
        var columns = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToList();
        Assert.Contains(cipherColumn, columns);
        var sealedValues = 0;
        while (rows.Read())
        {
            foreach (var (name, i) in columns.Select((n, i) => (n, i)).Where(c => !plainAllowed.Contains(c.n)))
            {
                Assert.True(rows.IsDBNull(i) || rows.GetString(i).StartsWith("v1:", StringComparison.Ordinal), $"{table}.{name} is stored in plain text");
                sealedValues += rows.IsDBNull(i) ? 0 : 1;
            }
        }

        Assert.True(sealedValues >= 1, $"{table} has no ciphertext to check");
    }

    [Fact]
    public async Task The_database_its_log_and_the_key_ring_key_file_are_readable_by_their_owner_only()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("modes"), Password);
        await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = "written so the log exists" });

        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var keyFile = app.Services.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.KeyRingKey>().Path_;
        Assert.True(File.Exists(file + "-wal") && File.Exists(file + "-shm"), "The app runs SQLite in WAL mode.");
        foreach (var path in new[] { file, file + "-wal", file + "-shm", keyFile })
        {
            Assert.Equal($"{Path.GetFileName(path)}: {OwnerOnly}", $"{Path.GetFileName(path)}: {ModeOf(path)}");
        }
    }

    [Fact]
    public void Database_files_left_readable_by_others_are_made_owner_only_and_a_new_one_is_created_owner_only()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-modes-").FullName;
        try
        {
            var old = Path.Combine(folder, "old.db");
            foreach (var path in new[] { old, old + "-wal", old + "-shm" })
            {
                File.WriteAllBytes(path, []);
                SetMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            Rekindle.Web.Infrastructure.OwnerOnlyFiles.PrepareSqliteDatabase($"Data Source={old}");
            var fresh = Path.Combine(folder, "fresh.db");
            Rekindle.Web.Infrastructure.OwnerOnlyFiles.PrepareSqliteDatabase($"Data Source={fresh}");

            Assert.All(new[] { old, old + "-wal", old + "-shm", fresh }, path => Assert.Equal(OwnerOnly, ModeOf(path)));
            Assert.False(File.Exists(fresh + "-wal"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("File modes are a Unix test.") : File.GetUnixFileMode(path);

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("File modes are a Unix test.");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Marked text in every kind of personal text the app keeps, through the API.</summary>
    internal static async Task WriteEverywhereAsync(TestBrowser browser, string mark)
    {
        await browser.SaveSituationAsync(who: "Them", kind: "Fight", ties: ["SharesPets"]);
        await browser.AnswerSafetyAsync();
        await browser.StartNoContactAsync(startDate: "2026-10-25");
        await browser.LogContactAsync("Me", "2026-11-01T12:00", $"{mark}-contact-note");
        async Task Send(HttpMethod method, string url, object body)
        {
            var response = await browser.SendJsonAsync(method, url, body);
            Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await Send(HttpMethod.Post, "/api/v1/urges", new { intensity = 5, trigger = $"{mark}-trigger", wantedToSay = $"{mark}-letter" });
        await Send(HttpMethod.Post, "/api/v1/ex-messages", new { text = $"{mark}-inbox", receivedAt = "2026-11-01T10:00" });
        await Send(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 3, sleepHours = 4.5, word = $"{mark}-word" });
        await Send(HttpMethod.Post, "/api/v1/journal", new { kind = "free", body = $"{mark}-journal", tags = $"{mark}-tag" });
        await Send(HttpMethod.Post, "/api/v1/assessments/inventory", new { chosen = new[] { "trust" }, values = new Dictionary<string, string> { ["my-part"] = $"{mark}-inventory" } });
        await Send(HttpMethod.Post, "/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", note = $"{mark}-stage" });
        await Send(HttpMethod.Post, "/api/v1/incidents", new { date = "2026-11-01", what = $"{mark}-incident", where = $"{mark}-where", evidence = $"{mark}-evidence" });
        await Send(HttpMethod.Post, "/api/v1/trigger-dates", new { label = $"{mark}-hard-day", date = "2019-11-20", yearly = true });
        await Send(HttpMethod.Put, "/api/v1/talk-prep", new { own = $"{mark}-talk-own", walkAway = $"{mark}-talk-walk-away" });
        // Last: a safety answer closes the reconciliation stages above.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.AnswerSafetyAsync(controlling: true)).Status);
    }

    private List<(string Name, byte[] Bytes)> RawFiles()
    {
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var files = new List<(string, byte[])>();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files.Add((Path.GetFileName(path), copy.ToArray()));
            }
        }

        return files;
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
