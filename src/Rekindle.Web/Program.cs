using Rekindle.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddRekindle();

var app = builder.Build();
app.MigrateDatabase();
app.UseRekindle();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
