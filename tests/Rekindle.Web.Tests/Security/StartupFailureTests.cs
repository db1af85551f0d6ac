using System.Diagnostics;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>A start-up that can't go on stops with one line naming the file or setting to fix, not a stack trace.</summary>
public sealed class StartupFailureTests
{
    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static TheoryData<string> BrokenHelplines() =>
    [
        "", "countries: [", "countries: 5", "countries:\n  - code: 12\n    name: [a, b]", "just a sentence", "countries:\n  - {}", "\t\0",
    ];

    [Theory]
    [MemberData(nameof(BrokenHelplines))]
    public void A_broken_helplines_file_fails_naming_the_file(string yaml)
    {
        var path = Path.Combine(TempFolder(), "helplines.yaml");
        File.WriteAllText(path, yaml);
        var error = Assert.ThrowsAny<Exception>(() => CrisisDirectory.Load(path));
        Assert.IsType<InvalidDataException>(error);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, StartupFailure.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_helplines_file_fails_naming_the_file()
    {
        var path = Path.Combine(TempFolder(), "nowhere", "helplines.yaml");
        var error = Assert.Throws<InvalidDataException>(() => CrisisDirectory.Load(path));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string[] Errors, string Output)> StartAsync(Dictionary<string, string> environment)
    {
        var app = Path.Combine(Repository.Root, "src", "Rekindle.Web", "bin", "Debug", "net10.0", "Rekindle.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["Rekindle__DataDirectory"] = TempFolder();
        start.Environment["urls"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await output);
    }

    public static TheoryData<string, string, string> BrokenSettings()
    {
        var content = Path.Combine(TempFolder(), "content");
        CopyFolder(Path.Combine(Repository.Root, "content"), content);
        File.WriteAllText(Path.Combine(content, "crisis", "helplines.yaml"), "countries: 5");
        return new()
        {
            { "ConnectionStrings__Rekindle", "Data Source=x.db;Nonsense Keyword=1", "ConnectionStrings:Rekindle" },
            { "Rekindle__Port", "not-a-port", "Rekindle:Port" },
            { "Rekindle__ContentDirectory", content, Path.Combine(content, "crisis", "helplines.yaml") },
            { "Rekindle__ContentDirectory", "/nonexistent/rekindle-content", "/nonexistent/rekindle-content" },
        };
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task A_start_up_failure_is_one_line_naming_the_setting_or_file(string setting, string value, string named)
    {
        var (exit, errors, output) = await StartAsync(new Dictionary<string, string> { [setting] = value });
        Assert.Equal(1, exit);
        var line = Assert.Single(errors);
        Assert.StartsWith(StartupFailure.Prefix, line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
