using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Core.NoContact;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// An install of the previous release (schema version 5, before the program's phases) with a person's data in it
/// is upgraded by starting this release on it: every row survives, the person signs in with their old password
/// and carries on, and the upgraded schema is the one a fresh install gets.
/// </summary>
public abstract class UpgradeTests
{
    private const string PreviousReleaseVersion = "5";
    protected abstract AppFactory NewApp();

    [Fact]
    public async Task Upgrading_an_install_of_the_previous_release_keeps_its_data_and_the_person_carries_on()
    {
        await using var app = NewApp();
        Database.Migrate(app.Provider, app.ConnectionString, targetVersion: PreviousReleaseVersion);
        using (var connection = Database.OpenConnection(app.Provider, app.ConnectionString))
        {
            Assert.Equal("1", Scalar(connection, $"SELECT count(*) FROM schema_history WHERE version = '{PreviousReleaseVersion}'"));
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM schema_history WHERE version = '6'"));
        }

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var fixture = PreviousReleaseData.Write(app.Provider, app.ConnectionString, today);

        // Starting this release migrates the database to the latest version.
        using var browser = app.NewBrowser();
        Assert.Equal(FreshSchema(app.Provider), SchemaTests.Describe(app.Provider, app.ConnectionString));

        var signedIn = await browser.SignInAsync(PreviousReleaseData.Email, PreviousReleaseData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);

        var noContact = await browser.GetAsync("/no-contact");
        var expected = Streak.Summarize(fixture.NoContactStartedOn, [fixture.RestartedOn], today, fixture.TargetDays, fixture.BreakupDate);
        Assert.Equal(expected.CurrentDays.ToString(CultureInfo.InvariantCulture), noContact.TestId("current-streak"));
        Assert.Equal($"{expected.LongestDays} days", noContact.TestId("longest-streak"));

        var checkIns = await browser.GetJsonAsync<List<CheckInView>>($"/api/v1/check-ins?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(fixture.CheckInMoods, checkIns.OrderBy(c => c.Date).ToDictionary(c => c.Date, c => c.Mood));
        Assert.All(checkIns, c => Assert.Equal((7.0m, 1, 4), (c.SleepHours, c.UrgeCount, c.StrongestUrge ?? 0)));

        // Schema 11's data step encrypted the numbers the previous release stored in plain columns, and left no plain copy.
        using (var connection = Database.OpenConnection(app.Provider, app.ConnectionString))
        {
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM \"CheckInNumbersToEncrypt\""));
            Assert.Equal(fixture.CheckInMoods.Count.ToString(CultureInfo.InvariantCulture), Scalar(connection, "SELECT count(*) FROM \"CheckIns\" WHERE \"NumbersCipher\" LIKE 'v1:%'"));
        }

        // Schema 12's data step did the same for the situation answers and the urge's details.
        using (var situation = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/situation")))
        {
            var v = situation.RootElement;
            Assert.Equal(("them", fixture.BreakupDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 30, "considered", false),
                (v.GetProperty("whoEnded").GetString(), v.GetProperty("breakupDate").GetString(), v.GetProperty("monthsTogether").GetInt32(),
                 v.GetProperty("breakupKind").GetString(), v.GetProperty("limitedContact").GetBoolean()));
        }

        using (var urges = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/urges")))
        {
            var u = Assert.Single(urges.RootElement.EnumerateArray());
            Assert.Equal((7, "passed"), (u.GetProperty("intensity").GetInt32(), u.GetProperty("outcome").GetString()));
        }

        using (var connection = Database.OpenConnection(app.Provider, app.ConnectionString))
        {
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM \"ProfileAnswersToEncrypt\""));
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM \"UrgeDetailsToEncrypt\""));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"Profiles\" WHERE \"AnswersCipher\" LIKE 'v1:%'"));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"Urges\" WHERE \"DetailsCipher\" LIKE 'v1:%'"));
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM \"ExMessageChecklistsToEncrypt\""));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"ExMessages\" WHERE \"ChecklistCipher\" LIKE 'v1:%'"));
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
            var message = await db.Set<Rekindle.Web.Features.ExMessages.ExMessage>().AsNoTracking().SingleAsync(m => m.Id == PreviousReleaseData.ExMessageId);
            await Rekindle.Web.Features.ExMessages.ExMessageChecklist.OpenAsync(scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>(), message, CancellationToken.None);
            Assert.Equal(((bool?)true, (bool?)false, (bool?)null, (bool?)false, (bool?)true, (bool?)null, (bool?)true, Rekindle.Core.ExMessages.Substance.Mixed, Rekindle.Core.ExMessages.ExMessageAdvice.LetItWait),
                (message.AcknowledgesWhatWentWrong, message.ShowsEvidenceOfChange, message.StatesClearIntention, message.IsEmergencyOrLogistics, message.LateAtNight,
                 message.Vague, message.Sporadic, message.Substance, message.Advice));
        }

        // A second start finds nothing left to do.
        Assert.Equal(0, await Rekindle.Web.Features.CheckIns.CheckInNumbersEncryption.RunAsync(app.Services));
        Assert.Equal(0, await Rekindle.Web.Features.Shared.ProfileAnswersEncryption.RunAsync(app.Services));
        Assert.Equal(0, await Rekindle.Web.Features.Urges.UrgeDetailsEncryption.RunAsync(app.Services));
        Assert.Equal(0, await Rekindle.Web.Features.ExMessages.ExMessageChecklistEncryption.RunAsync(app.Services));
        Assert.Equal(0, await Rekindle.Web.Features.Shared.PlainValuesEncryption.RunAsync(app.Services));

        var sessions = await browser.GetAsync("/settings/security");
        Assert.Contains(PreviousReleaseData.OldDevice, sessions.Html, StringComparison.Ordinal);

        // The tables this release added work for the returning person: today's plan item can be checked off.
        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        using var done = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/today/1/action", new { done = true });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
    }

    [Fact]
    public async Task Upgrading_from_schema_16_seals_thinking_patterns_decisions_talk_outcomes_phases_and_crisis_marks_at_start()
    {
        await using var app = NewApp();
        Database.Migrate(app.Provider, app.ConnectionString, targetVersion: "16");
        var userId = Guid.NewGuid();
        var (entryId, revisionId, stageId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var threat = new DateTime(2026, 10, 20, 21, 30, 0, DateTimeKind.Utc);
        var crisis = new DateTime(2026, 10, 28, 23, 5, 0, DateTimeKind.Utc);
        var dismissed = new DateTime(2026, 10, 29, 7, 45, 0, DateTimeKind.Utc);
        var created = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        var day = new DateOnly(2026, 10, 1);
        const string email = "schema16@example.test";
        using (var connection = Database.OpenConnection(app.Provider, app.ConnectionString))
        {
            var insert = new PreviousReleaseData.Inserter(connection, app.Provider);
            insert.Row("AspNetUsers", new()
            {
                ["Id"] = userId, ["CreatedAt"] = created, ["UserName"] = email, ["NormalizedUserName"] = email.ToUpperInvariant(),
                ["Email"] = email, ["NormalizedEmail"] = email.ToUpperInvariant(), ["EmailConfirmed"] = false,
                ["SecurityStamp"] = Guid.NewGuid().ToString("N").ToUpperInvariant(), ["ConcurrencyStamp"] = Guid.NewGuid().ToString(),
                ["PhoneNumberConfirmed"] = false, ["TwoFactorEnabled"] = false, ["LockoutEnabled"] = true, ["AccessFailedCount"] = 0,
            });
            insert.Row("Profiles", new()
            {
                ["UserId"] = userId, ["TimeZoneId"] = "Europe/London", ["CountryCode"] = "GB", ["NoContactTargetDays"] = 30,
                ["ExThreatFoundAt"] = threat, ["LastCrisisFoundAt"] = crisis, ["LowMoodCardDismissedAt"] = dismissed, ["UpdatedAt"] = created, ["Version"] = 2,
            });
            insert.Row("JourneyStates", new() { ["UserId"] = userId, ["ChosenPhase"] = "heal", ["ChangedAt"] = created });
            insert.Row("JournalEntries", new()
            {
                ["Id"] = entryId, ["UserId"] = userId, ["Kind"] = "Reframe", ["CreatedAt"] = created, ["UpdatedAt"] = created, ["LocalDate"] = day,
                ["Pattern"] = "FortuneTelling", ["Version"] = 1,
            });
            insert.Row("AssessmentRevisions", new()
            {
                ["Id"] = revisionId, ["UserId"] = userId, ["Kind"] = "decide", ["AnswersCipher"] = "not read", ["Decision"] = "let-go", ["CreatedAt"] = created, ["LocalDate"] = day,
            });
            insert.Row("StageEvents", new()
            {
                ["Id"] = stageId, ["UserId"] = userId, ["Stage"] = "outcome", ["OccurredOn"] = day, ["Outcome"] = "no", ["CreatedAt"] = created,
            });
        }

        // Starting this release migrates to the latest version and runs schema 17's data step.
        using var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health")).Status);
        using (var connection = Database.OpenConnection(app.Provider, app.ConnectionString))
        {
            Assert.Equal("0", Scalar(connection, "SELECT count(*) FROM \"PlainValuesToEncrypt\""));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"JournalEntries\" WHERE \"PatternCipher\" LIKE 'v1:%'"));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"AssessmentRevisions\" WHERE \"DecisionCipher\" LIKE 'v1:%'"));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"StageEvents\" WHERE \"OutcomeCipher\" LIKE 'v1:%'"));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"Profiles\" WHERE \"MarksCipher\" LIKE 'v1:%'"));
            Assert.Equal("1", Scalar(connection, "SELECT count(*) FROM \"JourneyStates\" WHERE \"ChosenPhaseCipher\" LIKE 'v1:%'"));
        }

        // Each opens to the value that was plain.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
            var cipher = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>();
            var entry = await db.Set<Rekindle.Web.Features.Journal.JournalEntry>().AsNoTracking().SingleAsync(e => e.Id == entryId);
            Assert.Equal("FortuneTelling", await cipher.DecryptAsync(userId, Rekindle.Web.Features.Journal.JournalHandler.PatternField, entry.PatternCipher));
            var revision = await db.Set<Rekindle.Web.Features.Journeys.AssessmentRevision>().AsNoTracking().SingleAsync(a => a.Id == revisionId);
            Assert.Equal("let-go", await cipher.DecryptAsync(userId, Rekindle.Web.Features.Journeys.AssessmentHandler.DecisionField, revision.DecisionCipher));
            var stage = await db.Set<Rekindle.Web.Features.Journeys.StageEvent>().AsNoTracking().SingleAsync(e => e.Id == stageId);
            Assert.Equal("no", await cipher.DecryptAsync(userId, Rekindle.Web.Features.Journeys.StageHandler.OutcomeField, stage.OutcomeCipher));
            var profile = await Rekindle.Web.Features.Shared.Profiles.GetOrCreateAsync(db, cipher, userId);
            Assert.Equal((threat, crisis, dismissed), (profile.ExThreatFoundAt, profile.LastCrisisFoundAt, profile.LowMoodCardDismissedAt));
            var phase = await db.Set<Rekindle.Web.Features.Journeys.JourneyState>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.ChosenPhaseCipher).SingleAsync();
            Assert.Equal("heal", await cipher.DecryptAsync(userId, Rekindle.Web.Features.Journeys.JourneyHandler.PhaseField, phase));
        }

        // A second start finds nothing left to do.
        Assert.Equal(0, await Rekindle.Web.Features.Shared.PlainValuesEncryption.RunAsync(app.Services));
    }

    /// <summary>The schema of a fresh install of this release, for comparison.</summary>
    private static List<string> FreshSchema(DatabaseProvider provider)
    {
        var (fresh, drop) = SchemaTests.ScratchDatabase(provider);
        try
        {
            Database.Migrate(provider, fresh);
            return SchemaTests.Describe(provider, fresh);
        }
        finally
        {
            drop();
        }
    }

    private static string? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The rows a person had in the previous release, written with plain SQL against its schema (not through this
/// release's model), the way that release stored them.
/// </summary>
internal sealed record PreviousReleaseData(DateOnly BreakupDate, DateOnly NoContactStartedOn, DateOnly RestartedOn, int TargetDays, Dictionary<DateOnly, int> CheckInMoods)
{
    public const string OldDevice = "Firefox on Linux";
    public static readonly Guid ExMessageId = Guid.NewGuid();
    public const string Email = "returning@example.test";
    public const string Password = "a returning lantern";

    public static PreviousReleaseData Write(DatabaseProvider provider, string connectionString, DateOnly today)
    {
        var data = new PreviousReleaseData(
            today.AddDays(-40), today.AddDays(-30), today.AddDays(-9), 45,
            Enumerable.Range(1, 10).ToDictionary(i => today.AddDays(-i), i => 1 + (i * 3 % 10)));
        var userId = Guid.NewGuid();
        var created = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        var user = new AppUser { Id = userId, UserName = Email, Email = Email };

        using var connection = Database.OpenConnection(provider, connectionString);
        var insert = new Inserter(connection, provider);
        insert.Row("AspNetUsers", new()
        {
            ["Id"] = userId, ["CreatedAt"] = created, ["UserName"] = Email, ["NormalizedUserName"] = Email.ToUpperInvariant(),
            ["Email"] = Email, ["NormalizedEmail"] = Email.ToUpperInvariant(), ["EmailConfirmed"] = false,
            ["PasswordHash"] = new PasswordHasher<AppUser>().HashPassword(user, Password),
            ["SecurityStamp"] = Guid.NewGuid().ToString("N").ToUpperInvariant(), ["ConcurrencyStamp"] = Guid.NewGuid().ToString(),
            ["PhoneNumberConfirmed"] = false, ["TwoFactorEnabled"] = false, ["LockoutEnabled"] = true, ["AccessFailedCount"] = 0,
        });
        insert.Row("Profiles", new()
        {
            ["UserId"] = userId, ["TimeZoneId"] = "Europe/London", ["CountryCode"] = "GB", ["WhoEnded"] = "Them",
            ["BreakupDate"] = data.BreakupDate, ["MonthsTogether"] = 30, ["BreakupKind"] = "Considered",
            ["SharesChildren"] = false, ["SharesWork"] = false, ["SharesHome"] = false, ["SharesFriends"] = false, ["SharesPets"] = false,
            ["SituationCompletedAt"] = created, ["SafetyAbuse"] = false, ["SafetyThreats"] = false, ["SafetyControlling"] = false,
            ["SafetyRepeatedBetrayal"] = false, ["SafetyCompletedAt"] = created, ["NoContactStartedOn"] = data.NoContactStartedOn,
            ["NoContactTargetDays"] = data.TargetDays, ["UpdatedAt"] = created, ["Version"] = 3,
        });
        insert.Row("Contacts", new()
        {
            ["Id"] = Guid.NewGuid(), ["UserId"] = userId, ["OccurredAt"] = data.RestartedOn.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc),
            ["LocalDate"] = data.RestartedOn, ["Initiator"] = "Me", ["RestartedCount"] = true, ["CreatedAt"] = created, ["Version"] = 1,
        });
        foreach (var (date, mood) in data.CheckInMoods)
        {
            var at = date.ToDateTime(new TimeOnly(21, 0), DateTimeKind.Utc);
            insert.Row("CheckIns", new()
            {
                ["Id"] = Guid.NewGuid(), ["UserId"] = userId, ["LocalDate"] = date, ["Mood"] = mood, ["SleepHalfHours"] = 14,
                ["AteProperly"] = true, ["Moved"] = mood > 5, ["UrgeCount"] = 1, ["StrongestUrge"] = 4, ["HadContact"] = false,
                ["CreatedAt"] = at, ["UpdatedAt"] = at, ["Version"] = 1,
            });
        }

        insert.Row("Urges", new()
        {
            ["Id"] = Guid.NewGuid(), ["UserId"] = userId, ["OccurredAt"] = created, ["LocalDate"] = today.AddDays(-3), ["Intensity"] = 7,
            ["Outcome"] = "Passed", ["ResolvedAt"] = created, ["Version"] = 2,
        });
        // Its text is not read here (the previous release's key is not in this fixture), only its checklist.
        insert.Row("ExMessages", new()
        {
            ["Id"] = ExMessageId, ["UserId"] = userId, ["ReceivedAt"] = created, ["LocalDate"] = today.AddDays(-5), ["TextCipher"] = "not read",
            ["AcknowledgesWhatWentWrong"] = true, ["ShowsEvidenceOfChange"] = false, ["StatesClearIntention"] = null, ["IsEmergencyOrLogistics"] = false,
            ["LateAtNight"] = true, ["Vague"] = null, ["Sporadic"] = true, ["Substance"] = "Mixed", ["Advice"] = "LetItWait", ["CreatedAt"] = created,
        });
        insert.Row("UserSessions", new()
        {
            ["Id"] = Guid.NewGuid(), ["UserId"] = userId, ["CreatedAt"] = today.AddDays(-2).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            ["LastSeenAt"] = today.AddDays(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), ["Device"] = OldDevice,
        });
        return data;
    }

    /// <summary>Parameterised inserts, with values in the form each provider's previous release wrote them.</summary>
    internal sealed class Inserter(DbConnection connection, DatabaseProvider provider)
    {
        public void Row(string table, Dictionary<string, object?> values)
        {
            using var command = connection.CreateCommand();
            var names = values.Keys.ToList();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < names.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = provider == DatabaseProvider.Sqlite ? AsSqlite(values[names[i]]) : values[names[i]] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            command.ExecuteNonQuery();
        }

        // SQLite has no date or uuid types; EF Core's SQLite provider keeps them as these texts.
        private static object AsSqlite(object? value) => value switch
        {
            null => DBNull.Value,
            Guid g => g.ToString().ToUpperInvariant(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            bool b => b ? 1 : 0,
            _ => value,
        };
    }
}

public sealed class UpgradeSqliteTests : UpgradeTests
{
    protected override AppFactory NewApp() => new SqliteApp();
}

public sealed class UpgradePostgresTests : UpgradeTests
{
    protected override AppFactory NewApp() => new PostgresApp();
}
