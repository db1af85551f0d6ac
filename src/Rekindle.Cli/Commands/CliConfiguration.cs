using Microsoft.Extensions.Configuration;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Cli.Commands;

/// <summary>
/// The same settings the app reads (environment: Rekindle__DataDirectory, Rekindle__DatabaseProvider,
/// ConnectionStrings__Rekindle), with command-line switches on top.
/// </summary>
public static class CliConfiguration
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--data-directory"] = "Rekindle:DataDirectory",
        ["--provider"] = "Rekindle:DatabaseProvider",
        ["--connection-string"] = "ConnectionStrings:Rekindle",
    };

    public static IConfiguration Build(string[] args)
    {
        var fromSwitches = new Dictionary<string, string?>();
        foreach (var (name, key) in Switches)
        {
            if (DbCommands.Option(args, name) is { } value)
            {
                fromSwitches[key] = value;
            }
        }

        return new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(fromSwitches)
            .Build();
    }

    public static RekindleOptions Options(IConfiguration configuration) =>
        configuration.GetSection(RekindleOptions.Section).Get<RekindleOptions>() ?? new RekindleOptions();
}
