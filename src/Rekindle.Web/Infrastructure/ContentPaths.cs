namespace Rekindle.Web.Infrastructure;

/// <summary>Finds the content/ folder: copied beside the app at build time, or the source tree's when run from it.</summary>
public static class ContentPaths
{
    public static string Root(IConfiguration configuration)
    {
        var configured = configuration["Rekindle:ContentDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        throw new DirectoryNotFoundException($"The content folder was not found at {beside}. Set Rekindle:ContentDirectory.");
    }
}
