using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Rekindle.Web.Features.Reminders;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>One instance of the app on a PostgreSQL database another instance also uses.</summary>
/// <remarks>Clustered Quartz gives each instance its own generated id; the schedule is shared through the database.</remarks>
public sealed class SharedPostgresApp(string connectionString, string keyFile) : AppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => connectionString;

    // The key file that protects the shared key ring is deployed to every instance (docs/deploy.md).
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Rekindle:KeyRingKeyFile"] = keyFile };
}

/// <summary>Two app instances on one PostgreSQL database: sessions, forms and scheduled jobs move between them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes both instances through IAsyncLifetime.DisposeAsync.")]
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private readonly string databaseName = $"rekindle_multi_{Guid.NewGuid():N}";
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), $"rekindle-multi-{Guid.NewGuid():N}.key");
    private string connectionString = "";
    private SharedPostgresApp first = null!;
    private SharedPostgresApp second = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(PostgresApp.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            await create.ExecuteNonQueryAsync();
        }

        connectionString = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = databaseName }.ToString();
        first = new SharedPostgresApp(connectionString, keyFile);
        _ = first.Server;   // migrates the database first, so the second instance finds it ready
        second = new SharedPostgresApp(connectionString, keyFile);
        _ = second.Server;
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
        File.Delete(keyFile);
    }

    /// <summary>Two browsers that share one cookie jar, one talking to each instance: a load balancer's view of one person.</summary>
    private (TestBrowser OnFirst, TestBrowser OnSecond) OnePersonOnBothInstances()
    {
        var cookies = new System.Net.CookieContainer();
        var baseAddress = new Uri("https://localhost");
        return (new TestBrowser(first.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies))),
            new TestBrowser(second.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies))));
    }

    [Fact]
    public async Task A_signed_in_user_moves_between_instances_mid_journey()
    {
        var (onFirst, onSecond) = OnePersonOnBothInstances();
        using var _1 = onFirst;
        using var _2 = onSecond;
        await onFirst.RegisterAsync(Emails.New("multi"));

        // The sign-in cookie from the first instance is accepted by the second.
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/situation")).Status);

        // A form opened on one instance is posted to the other: the antiforgery token is accepted too.
        var form = await onFirst.GetAsync("/situation");
        var saved = await onSecond.PostAsync("/situation", new Dictionary<string, string>
        {
            ["Input.WhoEnded"] = "Them",
            ["Input.BreakupDate"] = "2026-10-20",
            ["Input.MonthsTogether"] = "12",
            ["Input.BreakupKind"] = "Considered",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.CountryCode"] = "GB",
        }, form.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await onFirst.AnswerSafetyAsync();
        await onSecond.StartNoContactAsync(startDate: "2026-10-26");
        await onFirst.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-01", new { mood = 6, sleepHours = 7, word = "steady" });

        var dashboard = await onSecond.GetAsync("/no-contact");
        Assert.Equal("7", dashboard.TestId("current-streak"));
        Assert.Contains("steady", (await onFirst.GetAsync("/check-in?date=2026-11-01")).FieldValue("Input.Word"), StringComparison.Ordinal);

        // Signing out on one instance ends the session on both.
        var page = await onSecond.GetAsync("/dashboard");
        await onSecond.PostAsync("/account/logout", [], page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task A_scheduled_job_runs_on_one_instance_only()
    {
        // Quartz waits on the app's clock: let it run in real time.
        first.Clock.Live = true;
        second.Clock.Live = true;
        var onFirst = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // With the first instance's scheduler paused, a job scheduled through it can only run on the second:
        // the schedule lives in the shared database, not in the instance that wrote it.
        await onFirst.Standby();
        var handedOver = await ScheduleOnceAsync(onFirst);
        Assert.Equal((0, 1), await RunsAsync(handedOver));

        // Both running: each firing happens on exactly one of them.
        await onFirst.Start();
        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            names.Add(await ScheduleOnceAsync(onFirst));
        }

        foreach (var name in names)
        {
            var (a, b) = await RunsAsync(name);
            Assert.Equal(1, a + b);
        }
    }

    private static async Task<string> ScheduleOnceAsync(IScheduler scheduler)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"once-{Guid.NewGuid():N}", "tests")
            .ForJob(ReminderEmailJob.Key)
            .StartAt(DateTimeOffset.UtcNow.AddMilliseconds(500))
            .Build();
        await scheduler.ScheduleJob(trigger);
        return trigger.Key.Name;
    }

    /// <summary>How many times each instance ran the job for a trigger, after giving both every chance to.</summary>
    private async Task<(int First, int Second)> RunsAsync(string triggerName)
    {
        var marker = $"Reminder job started by trigger {triggerName}";
        int Count(AppFactory app) => app.Logs.Lines.Count(line => line.Contains(marker, StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (Count(first) + Count(second) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        return (Count(first), Count(second));
    }
}
