namespace Rekindle.Web.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout's root: the folder holding Rekindle.slnx.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Rekindle.slnx was not found above the test folder.");
    }
}
