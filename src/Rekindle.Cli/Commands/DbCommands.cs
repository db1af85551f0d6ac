using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Cli.Commands;

/// <summary>Database maintenance commands.</summary>
public static class DbCommands
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length >= 1 && args[0] == "script")
        {
            var provider = Option(args, "--provider");
            DatabaseProvider? parsed = provider?.ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" => DatabaseProvider.Postgres,
                _ => null,
            };
            if (parsed is null)
            {
                await error.WriteLineAsync("rekindle db script: --provider must be sqlite or postgres.");
                return CommandLine.Usage;
            }

            await output.WriteAsync(ModelScript(parsed.Value));
            return CommandLine.Ok;
        }

        await error.WriteLineAsync("Usage: rekindle db script --provider sqlite|postgres");
        return CommandLine.Usage;
    }

    /// <summary>The CREATE script for the current EF model; migrations are written from it and tested against it.</summary>
    public static string ModelScript(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<RekindleDbContext>();
        Database.Configure(builder, provider, provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:");
        using var db = new RekindleDbContext(builder.Options);
        return db.Database.GenerateCreateScript();
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
