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
catch (Exception e) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly && StartupFailure.Describe(e) is { } line)
{
    // One line naming the file or setting to fix, not a stack trace. Only when this is the process's own program:
    // hosted by a test's WebApplicationFactory, the failure must reach the host that is waiting for it.
    Console.Error.WriteLine(line);
    return 1;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
