using Rekindle.Core.Content;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Content;

/// <summary>Reads the program's words from content/&lt;language&gt;/ on disk and hands them to the loader, which checks them.</summary>
public static class ContentFiles
{
    public const string Language = "en";

    public static ProgramContent Load(IConfiguration configuration)
    {
        var root = Path.Combine(ContentPaths.Root(configuration), Language);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
            .Select(path => new ContentFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)));
        try
        {
            return ContentLoader.Load(files);
        }
        catch (ContentException e)
        {
            // Start-up stops here with every problem listed as "file:line: message", paths under content/en/.
            throw new InvalidOperationException($"Rekindle can't start: content in {root} has problems.{Environment.NewLine}{string.Join(Environment.NewLine, e.Errors)}", e);
        }
    }
}
