using Rekindle.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddRekindle();

    var app = builder.Build();
    app.MigrateDatabase();
    app.UseRekindle();
    app.Run();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line)
{
    // One line naming the file or setting to fix, not a stack trace.
    Console.Error.WriteLine(line);
    return 1;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
