namespace Rekindle.Web.Tests.Infrastructure;

public static class Emails
{
    public static string New(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.test";
}
