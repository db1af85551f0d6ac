namespace Rekindle.Core.Tests.Content;

/// <summary>The checkout's content/en files, as the app reads them (paths relative to content/en).</summary>
internal static class ShippedContent
{
    public static string Repository { get; } = FindRepository();

    public static string Root { get; } = Path.Combine(Repository, "content", "en");

    public static Dictionary<string, string> Files() =>
        Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText);

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
