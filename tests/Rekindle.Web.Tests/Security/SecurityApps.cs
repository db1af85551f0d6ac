using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>The test app on SQLite with extra settings (a low rate limit, a quick exit address, ...).</summary>
public class ConfiguredSqliteApp(IDictionary<string, string?> settings) : AppFactory
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "rekindle-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={file};Pooling=False";

    protected override IDictionary<string, string?> ExtraSettings => settings;
}

/// <summary>The test app on SQLite logging everything, down to Trace.</summary>
public sealed class TraceLoggingSqliteApp() : ConfiguredSqliteApp(new Dictionary<string, string?>())
{
    protected override Microsoft.Extensions.Logging.LogLevel MinimumLogLevel => Microsoft.Extensions.Logging.LogLevel.Trace;
}

/// <summary>
/// The app on real Kestrel over loopback HTTP: the test server enforces no request size limits, Kestrel does.
/// </summary>
public class KestrelSqliteApp : ConfiguredSqliteApp
{
    public KestrelSqliteApp()
        : this(new Dictionary<string, string?>())
    {
    }

    protected KestrelSqliteApp(IDictionary<string, string?> settings)
        : base(new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0", ["Rekindle:SecureCookies"] = "false" })
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    /// <summary>A plain HttpClient over the network with its own cookies.</summary>
    public HttpClient NewNetworkClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A network client with a fresh signed-in account (through the JSON API).</summary>
    public async Task<HttpClient> SignedInNetworkClientAsync()
    {
        var client = NewNetworkClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = Emails.New("kestrel"), password = "lantern orchard velvet", timeZoneId = "Europe/London" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }
}

/// <summary>The Kestrel app with extra settings (behind a proxy, a low rate limit).</summary>
public sealed class ConfiguredKestrelApp(IDictionary<string, string?> settings) : KestrelSqliteApp(settings);
