using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Rekindle.Bench;

/// <summary>
/// One request through the whole app (middleware, sign-in cookie and session check, page or API, SQLite) hosted
/// in this process, without sockets or a load generator. It answers what wrk on a shared 2-core machine cannot
/// tell apart from noise: how much CPU time and memory a request costs, as a ratio to the trivial endpoint.
/// The host starts and the two users are seeded once per case, in the benchmark process, before measuring.
/// With REKINDLE_BENCH_POSTGRES set (a connection string to a server, as bench/requests.sh --postgres sets it),
/// each case runs on a database of its own on that server instead of SQLite.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private const string Password = "bench lantern orchard";

    private const string PostgresVariable = "REKINDLE_BENCH_POSTGRES";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rekindle-bench", Guid.NewGuid().ToString("N"));
    private readonly string? postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
    private readonly string postgresDatabase = $"rekindle_bench_{Guid.NewGuid():N}";
    private WebApplicationFactory<Program> app = null!;
    private HttpClient anonymous = null!;
    private HttpClient week = null!;
    private HttpClient threeYears = null!;
    private int checkInDay;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(dataDirectory);
        app = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("Rekindle:DataDirectory", dataDirectory);
            host.UseSetting("Rekindle:AccountRequestsPerMinute", "1000000");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            if (postgresServer is not null)
            {
                host.UseSetting("Rekindle:DatabaseProvider", "Postgres");
                host.UseSetting("ConnectionStrings:Rekindle", new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ToString());
            }
        });
        if (postgresServer is not null)
        {
            ExecuteOnServer($"CREATE DATABASE \"{postgresDatabase}\"");
        }

        anonymous = NewClient();
        week = SeedAsync("week@bench.test", 7).GetAwaiter().GetResult();
        threeYears = SeedAsync("three-years@bench.test", 3 * 365).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        app.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            ExecuteOnServer($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
        }
    }

    private void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(postgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "GET /health (trivial)")]
    public Task<int> Health() => SendAsync(anonymous, HttpMethod.Get, "/health");

    [Benchmark(Description = "GET /health, signed in (cookie and session check)")]
    public Task<int> HealthSignedIn() => SendAsync(week, HttpMethod.Get, "/health");

    [Benchmark(Description = "GET /dashboard, a week of data")]
    public Task<int> DashboardWeek() => SendAsync(week, HttpMethod.Get, "/dashboard");

    [Benchmark(Description = "GET /dashboard, three years of data")]
    public Task<int> DashboardThreeYears() => SendAsync(threeYears, HttpMethod.Get, "/dashboard");

    [Benchmark(Description = "PUT a check-in, a week of data")]
    public Task<int> CheckInWeek() => PutCheckInAsync(week);

    [Benchmark(Description = "PUT a check-in, three years of data")]
    public Task<int> CheckInThreeYears() => PutCheckInAsync(threeYears);

    [Benchmark(Description = "GET /api/v1/journal")]
    public Task<int> Journal() => SendAsync(week, HttpMethod.Get, "/api/v1/journal");

    private Task<int> PutCheckInAsync(HttpClient client)
    {
        // A different day of the last year each time, as a person filling in missed days would.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(checkInDay++ % 365));
        return SendAsync(client, HttpMethod.Put, $"/api/v1/check-ins/{day:yyyy-MM-dd}",
            JsonContent.Create(new { mood = 6, sleepHours = 7.5, urgeCount = 1, strongestUrge = 3 }));
    }

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true,
    });

    /// <summary>Reads the whole answer (as a browser would) and fails loudly on anything but a 2xx.</summary>
    private static async Task<int> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? bytes.Length : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}.");
    }

    /// <summary>The same history as bench/seed-user.py: past the first screens, in no contact, one check-in a day.</summary>
    private async Task<HttpClient> SeedAsync(string email, int days)
    {
        var client = NewClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SendAsync(client, HttpMethod.Post, "/api/v1/auth/register", JsonContent.Create(new { email, password = Password }));
        await SendAsync(client, HttpMethod.Put, "/api/v1/situation", JsonContent.Create(new
        {
            whoEnded = "them", breakupDate = today.AddDays(-days - 5), monthsTogether = 24, breakupKind = "considered", timeZoneId = "Etc/UTC", countryCode = "GB",
        }));
        await SendAsync(client, HttpMethod.Put, "/api/v1/situation/safety", JsonContent.Create(new { abuse = false, threats = false, controlling = false, repeatedBetrayal = false }));
        await SendAsync(client, HttpMethod.Post, "/api/v1/no-contact/start", JsonContent.Create(new { targetDays = 30, startDate = today.AddDays(-days) }));
        for (var i = 0; i < days; i++)
        {
            await SendAsync(client, HttpMethod.Put, $"/api/v1/check-ins/{today.AddDays(-i):yyyy-MM-dd}", JsonContent.Create(new
            {
                mood = 3 + (i % 6), sleepHours = 7, urgeCount = i % 3, strongestUrge = i % 3 == 0 ? (int?)null : 4, word = "steady",
            }));
        }

        for (var i = 0; i < 20; i++)
        {
            await SendAsync(client, HttpMethod.Post, "/api/v1/journal", JsonContent.Create(new { kind = "free", body = $"Entry {i}: a walk by the river and an early night." }));
        }

        return client;
    }
}
