using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

// Crash test: writes over HTTP, SIGKILL at random moments, restart, check that every acknowledged write survived.
// Usage: CrashTest <path to Rekindle.Web.dll> [--kills 5] [--postgres <server connection string>]
var appDll = args.Length > 0 ? Path.GetFullPath(args[0]) : throw new ArgumentException("Give the path to Rekindle.Web.dll.");
var kills = Option("--kills") is { } k ? int.Parse(k, System.Globalization.CultureInfo.InvariantCulture) : 5;
var postgresServer = Option("--postgres");
var random = new Random();
var dataDirectory = Path.Combine(Path.GetTempPath(), "rekindle-crash", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);
string? postgresDatabase = null;
string? connectionString = null;
if (postgresServer is not null)
{
    postgresDatabase = $"rekindle_crash_{Guid.NewGuid():N}";
    await Psql(postgresServer, $"CREATE DATABASE \"{postgresDatabase}\"");
    connectionString = ReplaceDatabase(postgresServer, postgresDatabase);
}

var port = FreePort();
var baseAddress = new Uri($"http://127.0.0.1:{port}");
var email = $"crash-{Guid.NewGuid():N}@example.test";
const string password = "crash test harbour lantern";
var acknowledged = new ConcurrentDictionary<string, (string Kind, string Text, int Intensity)>();
var attempted = 0;
var failedInFlight = 0;
Console.WriteLine($"Provider: {(postgresServer is null ? "SQLite (WAL)" : "PostgreSQL")}; data folder {dataDirectory}");

Process? app = null;
try
{
    for (var round = 0; round <= kills; round++)
    {
        app = Start();
        using var client = await SignInAsync(round == 0);
        if (round == kills)
        {
            break;
        }

        // Writers keep going until the kill; whatever was acknowledged (201) must survive it.
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                n++;
                Interlocked.Increment(ref attempted);
                var isLetter = (n + w) % 2 == 0;
                var text = $"round {round} writer {w} #{n} {Guid.NewGuid():N} — café ✓";
                var intensity = 1 + ((n + w) % 10);
                try
                {
                    using var response = isLetter
                        ? await client.PostAsJsonAsync("/api/v1/letters", new { body = text }, CancellationToken.None)
                        : await client.PostAsJsonAsync("/api/v1/urges", new { intensity, trigger = text }, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                        acknowledged[id] = (isLetter ? "letter" : "urge", text, intensity);
                    }
                    else if (!stop.IsCancellationRequested)
                    {
                        throw new InvalidOperationException($"A write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failedInFlight);
                    return;
                }
            }
        })).ToList();

        await Task.Delay(random.Next(300, 3000));
        app.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush.
        await app.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Console.WriteLine($"Kill {round + 1}: {acknowledged.Count} writes acknowledged so far");
    }

    // The app is up again after the last kill: check every acknowledged write.
    using var reader = await SignInAsync(register: false);
    var letters = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/letters")).EnumerateArray()
        .ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("body").GetString()!);
    var urges = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/urges")).EnumerateArray()
        .ToDictionary(u => u.GetProperty("id").GetString()!, u => (Trigger: u.GetProperty("trigger").GetString()!, Intensity: u.GetProperty("intensity").GetInt32()));
    var lost = acknowledged.Where(w => w.Value.Kind == "letter"
            ? !letters.TryGetValue(w.Key, out var body) || body != w.Value.Text
            : !urges.TryGetValue(w.Key, out var urge) || urge.Trigger != w.Value.Text || urge.Intensity != w.Value.Intensity)
        .ToList();

    Console.WriteLine();
    Console.WriteLine($"Writes attempted:     {attempted}");
    Console.WriteLine($"Writes acknowledged:  {acknowledged.Count}");
    Console.WriteLine($"Kills (SIGKILL):      {kills}");
    Console.WriteLine($"Lost or damaged:      {lost.Count}");
    Console.WriteLine($"Stored (incl. writes in flight at a kill): {letters.Count + urges.Count}");
    foreach (var (id, write) in lost.Take(10))
    {
        Console.WriteLine($"  lost {write.Kind} {id}: {write.Text}");
    }

    return lost.Count == 0 && !acknowledged.IsEmpty ? 0 : 1;
}
finally
{
    if (app is { HasExited: false })
    {
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
    }

    if (postgresServer is not null && postgresDatabase is not null)
    {
        await Psql(postgresServer, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
    }

    try
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
    catch (IOException)
    {
    }
}

Process Start()
{
    var start = new ProcessStartInfo("dotnet", [appDll])
    {
        WorkingDirectory = Path.GetDirectoryName(appDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["urls"] = baseAddress.ToString();
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Rekindle__DataDirectory"] = dataDirectory;
    start.Environment["Rekindle__AccountRequestsPerMinute"] = "100000";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    if (connectionString is not null)
    {
        start.Environment["Rekindle__DatabaseProvider"] = "Postgres";
        start.Environment["ConnectionStrings__Rekindle"] = connectionString;
    }

    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { Console.Error.WriteLine("app: " + e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

async Task<HttpClient> SignInAsync(bool register)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            if ((await client.GetAsync("/health")).IsSuccessStatusCode)
            {
                break;
            }
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline)
        {
        }

        if (app!.HasExited)
        {
            throw new InvalidOperationException($"The app exited with {app.ExitCode} while starting.");
        }

        await Task.Delay(200);
    }

    using var response = await client.PostAsJsonAsync(register ? "/api/v1/auth/register" : "/api/v1/auth/login", new { email, password, timeZoneId = "Europe/London" });
    if (response.StatusCode != HttpStatusCode.NoContent)
    {
        throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return client;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string ReplaceDatabase(string connection, string database) =>
    string.Join(';', connection.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Where(part => !part.Trim().StartsWith("Database=", StringComparison.OrdinalIgnoreCase))
        .Append($"Database={database}"));

static async Task Psql(string server, string sql)
{
    // psql takes a libpq URI or key=value string; Npgsql-style "Host=...;Username=..." is converted.
    var parts = server.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
        .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
    var start = new ProcessStartInfo("psql", ["-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql]) { RedirectStandardOutput = true };
    if (parts.TryGetValue("host", out var host)) { start.Environment["PGHOST"] = host; }
    if (parts.TryGetValue("port", out var port)) { start.Environment["PGPORT"] = port; }
    if (parts.TryGetValue("username", out var user) || parts.TryGetValue("user id", out user)) { start.Environment["PGUSER"] = user; }
    if (parts.TryGetValue("password", out var secret)) { start.Environment["PGPASSWORD"] = secret; }
    using var process = Process.Start(start)!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql failed: {sql}");
    }
}
