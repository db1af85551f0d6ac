using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rekindle.E2E.Tests.Infrastructure;

/// <summary>The real app on Kestrel (a real port on localhost) with its own SQLite database.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rekindle-e2e", Guid.NewGuid().ToString("N"));

    public BrowserApp()
    {
        // Construction order: Clock is initialised before the server starts below.
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var port = new Uri(addresses.First()).Port;
        BaseUrl = $"http://localhost:{port}";
    }

    public string BaseUrl { get; }

    public const string QuickExitPath = "/help?quick-exit=1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Rekindle:DataDirectory", dataDirectory);
        builder.UseSetting("Rekindle:AccountRequestsPerMinute", "1000");
        // The quick exit stays on this machine in tests: no request leaves for the real default.
        builder.UseSetting("Rekindle:QuickExitUrl", QuickExitPath);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>The server's clock, fixed so day counts in the journeys are known in advance.</summary>
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
