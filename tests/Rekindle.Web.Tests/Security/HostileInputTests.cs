using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>A signed-in person with one record of each kind, shared by the hostile input properties.</summary>
public abstract class HostileApp : AppFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TestBrowser? browser;
    private Dictionary<string, IReadOnlyList<string>>? requestFields;

    public async Task<TestBrowser> SessionAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                browser = NewBrowser();
                await browser.RegisterAsync(Emails.New("hostile"));
                await browser.SaveSituationAsync();
                await browser.AnswerSafetyAsync();
                await browser.StartNoContactAsync(startDate: "2026-10-25");
                await browser.LogContactAsync("Me", "2026-11-01T12:00", "A first note.");
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/letters", new { body = "A first letter." });
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/urges", new { intensity = 5, trigger = "A first trigger" });
                await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/ex-messages", new { text = "A first message", receivedAt = "2026-11-01T20:00" });
            }

            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The request fields of each JSON endpoint ("POST api/v1/letters" → body), from the OpenAPI document.</summary>
    public async Task<IReadOnlyList<string>> RequestFieldsAsync(EndpointCall call)
    {
        if (requestFields is null)
        {
            using var client = NewBrowser();
            var document = JsonNode.Parse(await client.Client.GetStringAsync("/openapi/v1.json"))!;
            var schemas = document["components"]?["schemas"]?.AsObject();
            requestFields = [];
            foreach (var (path, operations) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in operations!.AsObject())
                {
                    var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                    if (schema?["$ref"]?.GetValue<string>() is { } reference)
                    {
                        schema = schemas?[reference.Split('/')[^1]];
                    }

                    requestFields[$"{method.ToUpperInvariant()} {Normalize(path)}"] = schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
                }
            }
        }

        return requestFields.GetValueOrDefault($"{call.Method} {Normalize(call.Pattern)}") ?? [];
    }

    private List<string>? queryParameters;
    private Dictionary<string, List<string>>? queryParametersByCall;

    /// <summary>The query parameters one API endpoint declares (OpenAPI).</summary>
    public async Task<IReadOnlyList<string>> QueryParametersAsync(EndpointCall call)
    {
        await QueryParametersAsync();
        return queryParametersByCall!.GetValueOrDefault($"{call.Method} {Normalize(call.Pattern)}") ?? [];
    }

    /// <summary>The name of every query parameter the app reads: the API's (OpenAPI) and the pages' (bound properties, handler parameters).</summary>
    public async Task<IReadOnlyList<string>> QueryParametersAsync()
    {
        if (queryParameters is null)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            using var client = NewBrowser();
            var document = JsonNode.Parse(await client.Client.GetStringAsync("/openapi/v1.json"))!;
            var byCall = new Dictionary<string, List<string>>();
            foreach (var (path, operations) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in operations!.AsObject())
                {
                    foreach (var parameter in operation?["parameters"]?.AsArray() ?? [])
                    {
                        if ((string?)parameter?["in"] == "query")
                        {
                            names.Add((string)parameter!["name"]!);
                            byCall.TryAdd($"{method.ToUpperInvariant()} {Normalize(path)}", []);
                            byCall[$"{method.ToUpperInvariant()} {Normalize(path)}"].Add((string)parameter!["name"]!);
                        }
                    }
                }
            }

            foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))))
            {
                foreach (var property in page.GetProperties())
                {
                    if (property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true).OfType<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().FirstOrDefault() is { SupportsGet: true } bind)
                    {
                        names.Add(bind.Name ?? property.Name);
                    }
                }

                foreach (var handler in page.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
                {
                    foreach (var parameter in handler.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
                    {
                        names.Add(parameter.Name!);
                    }
                }
            }

            queryParameters = [.. names];
            queryParametersByCall = byCall;
        }

        return queryParameters;
    }

    private static string Normalize(string pattern) => Regex.Replace(pattern, "\\{([^}:]+)[^}]*\\}", "{$1}").Trim('/');

    public override async ValueTask DisposeAsync()
    {
        browser?.Dispose();
        gate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class HostileSqliteApp : HostileApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "rekindle-tests", $"{Guid.NewGuid():N}.db");

    public override Rekindle.Web.Infrastructure.DatabaseProvider Provider => Rekindle.Web.Infrastructure.DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={file};Pooling=False";
}

/// <summary>PostgreSQL refuses some text SQLite takes (a NUL character), so hostile input runs there too.</summary>
public sealed class HostilePostgresApp : HostileApp
{
    private readonly string databaseName = $"rekindle_test_{Guid.NewGuid():N}";
    private string? connectionString;

    public override Rekindle.Web.Infrastructure.DatabaseProvider Provider => Rekindle.Web.Infrastructure.DatabaseProvider.Postgres;

    public override string ConnectionString => connectionString ??= CreateDatabase();

    private string CreateDatabase()
    {
        using (var admin = new Npgsql.NpgsqlConnection(PostgresApp.ServerConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            create.ExecuteNonQuery();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = databaseName }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (connectionString is null)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(PostgresApp.ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Hostile input through every form and every JSON endpoint: never a 500, never markup back unencoded; a
/// validation message, a 4xx or a normal page instead. Forms and endpoints are found generically.
/// </summary>
public abstract class HostileInputTests(HostileApp app)
{
    /// <summary>Pages a signed-out visitor can reach, where the sign-in and registration forms are.</summary>
    private static readonly string[] PublicPages = ["/", "/account/login", "/account/register", "/help"];

    private void AssertSafe(HttpStatusCode status, string body, HostileValue? value, string what)
    {
        Assert.True((int)status < 500, $"{what} answered {(int)status}: {app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))}");
        if (value is { IsMarkup: true })
        {
            Assert.False(body.Contains(value.Text, StringComparison.Ordinal), $"{what} sent the markup back unencoded: {body[..Math.Min(body.Length, 600)]}");
        }
    }

    [Property(MaxTest = 4, Arbitrary = [typeof(HostileArbitraries)])]
    public Task Every_form_turns_hostile_values_away_or_keeps_them_inert(HostileForm attack) => AttackFormsAsync(attack);

    [Property(MaxTest = 10, Arbitrary = [typeof(HostileArbitraries)])]
    public Task Every_json_endpoint_turns_hostile_bodies_away(HostileJson attack) => AttackJsonAsync(attack);

    /// <summary>The cases that broke other apps' databases, every time rather than when the generator picks them.</summary>
    [Theory]
    [InlineData("nul", "before\0after")]
    [InlineData("rtl", "\u202Egnp.exe")]
    [InlineData("surrogate", "\ud800")]
    [InlineData("xss", "<script>alert('rk-fixed')</script>")]
    public async Task Known_troublemakers_in_every_field_and_body(string label, string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var value = new HostileValue(label, text);
        await AttackFormsAsync(new HostileForm(value, EveryField: false));
        await AttackFormsAsync(new HostileForm(value, EveryField: true));
        await AttackJsonAsync(new HostileJson(label, fields => new HostileBody("fields", System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(fields.ToDictionary(f => f, _ => text))), "application/json", value)));
    }

    private async Task AttackFormsAsync(HostileForm attack)
    {
        var browser = await app.SessionAsync();
        var forms = await FormCrawler.FormsAsync(app, browser);
        Assert.True(forms.Count >= 5, $"Only {forms.Count} forms found");
        using var visitor = app.NewBrowser();
        var publicForms = new List<HtmlForm>();
        foreach (var url in await FormCrawler.PagesAsync(visitor, PublicPages))
        {
            publicForms.AddRange(FormCrawler.FormsOf(url, (await visitor.GetAsync(url)).Html));
        }

        Assert.Contains(publicForms, f => f.Action.StartsWith("/account/login", StringComparison.Ordinal));
        foreach (var (form, client) in forms.Select(f => (f, browser)).Concat(publicForms.Select(f => (f, visitor))))
        {
            var fields = form.Fields.Select(f => new KeyValuePair<string, string>(
                f.Name, attack.EveryField || f.IsText ? attack.Value.FormEncoded : HostileValue.PercentEncode(System.Text.Encoding.UTF8.GetBytes(FormCrawler.Plausible(f)))));
            var result = await FormCrawler.PostRawAsync(client, form, fields);
            AssertSafe(result.Status, result.Html, attack.Value, form.ToString());
            if (result.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && result.Location is { } location && location.StartsWith('/'))
            {
                var next = await client.GetAsync(location);
                AssertSafe(next.Status, next.Html, attack.Value, $"{location} after {form}");
            }
        }

        // What was saved shows up inert wherever it is listed.
        foreach (var url in await FormCrawler.SignedInPagesAsync(app, browser))
        {
            var page = await browser.GetAsync(url);
            AssertSafe(page.Status, page.Html, attack.Value, url);
        }
    }

    private async Task AttackJsonAsync(HostileJson attack)
    {
        var browser = await app.SessionAsync();
        var calls = Endpoints.All(app)
            .Where(c => c.IsApi && c.Method is "POST" or "PUT" or "PATCH" && c.Pattern != "api/v1/auth/logout")
            .ToList();
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var body = attack.For(await app.RequestFieldsAsync(call));
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            using var response = await browser.Client.SendAsync(new HttpRequestMessage(new HttpMethod(call.Method), call.Url()) { Content = content });
            AssertSafe(response.StatusCode, await response.Content.ReadAsStringAsync(), body.Value, $"{call} with {body}");
        }
    }

    /// <summary>Dates at and past the calendar's edges, and Unicode a query string has to carry.</summary>
    public static TheoryData<string> EdgeValues() =>
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59", "10000-01-01", "0000-00-00", "-0001-01-01", "2026-02-30",
        "ünïcode ✓", "日本語", "🙂👩‍👩‍👧", "\\u202Ereversed", "e\\u0301\\u0301", "\\ud800", "\\u0000", "-2147483649", "1e309",
    ];

    /// <summary>
    /// Every query parameter the app reads (the API's from the OpenAPI document; the pages' from their bound
    /// properties and handler parameters), with each edge value, on every GET endpoint; route dates too.
    /// </summary>
    [Theory]
    [MemberData(nameof(EdgeValues))]
    public async Task Every_get_endpoint_survives_edge_dates_and_unicode_in_every_query_parameter(string escaped)
    {
        var value = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var browser = await app.SessionAsync();
        var names = await app.QueryParametersAsync();
        Assert.Contains("to", names);
        Assert.Contains("ReturnUrl", names);
        Assert.Contains("q", names);
        var encoded = HostileValue.PercentEncode(System.Text.Encoding.UTF8.GetBytes(value));
        var everyName = string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={encoded}"));
        foreach (var call in Endpoints.All(app).Where(c => c.Method == "GET" && !c.Pattern.Contains("logout", StringComparison.Ordinal) && !c.Pattern.Contains("export", StringComparison.Ordinal)))
        {
            var urls = new List<string> { $"{call.Url()}?{everyName}" };
            // A NUL in the path never reaches the app (Kestrel answers 400 itself; the test server throws).
            if (call.Pattern.Contains("{date", StringComparison.Ordinal) && !value.Contains('\0', StringComparison.Ordinal))
            {
                urls.Add("/" + System.Text.RegularExpressions.Regex.Replace(call.Pattern, "\\{date[^}]*\\}", encoded));
            }

            // An API endpoint stops at the first parameter it can't bind: each of its own on its own.
            if (call.IsApi)
            {
                urls.AddRange((await app.QueryParametersAsync(call)).Select(n => $"{call.Url()}?{Uri.EscapeDataString(n)}={encoded}"));
            }

            foreach (var url in urls)
            {
                using var response = await browser.Client.GetAsync(url);
                AssertSafe(response.StatusCode, await response.Content.ReadAsStringAsync(), null, $"GET {url}");
            }
        }
    }

    /// <summary>Every field of every JSON body set to an edge date, to null, to a list holding null, and to an empty list.</summary>
    [Theory]
    [InlineData("\"0001-01-01\"")]
    [InlineData("\"9999-12-31\"")]
    [InlineData("\"0001-01-01T00:00\"")]
    [InlineData("\"9999-12-31T23:59:59\"")]
    [InlineData("\"10000-01-01\"")]
    [InlineData("null")]
    [InlineData("[null]")]
    [InlineData("[]")]
    [InlineData("{\"a\":null}")]
    [InlineData("[\"ünïcode\",null,\"\\ud800\"]")]
    public Task Every_json_field_survives_edge_dates_and_null_lists(string json) =>
        AttackJsonAsync(new HostileJson($"every field = {json}", fields => new HostileBody(
            $"every field = {json}", System.Text.Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Select(f => $"\"{f}\":{json}")) + "}"), "application/json")));

    [Fact]
    public async Task The_json_endpoints_request_fields_are_known()
    {
        var calls = Endpoints.All(app).Where(c => c.IsApi && c.Method is "POST" or "PUT").ToList();
        var known = new List<string>();
        foreach (var call in calls)
        {
            known.AddRange(await app.RequestFieldsAsync(call));
        }

        Assert.Contains("body", known);
        Assert.Contains("trigger", known);
        Assert.Contains("text", known);
    }
}

public sealed class HostileInputSqliteTests(HostileSqliteApp app) : HostileInputTests(app), IClassFixture<HostileSqliteApp>;

public sealed class HostileInputPostgresTests(HostilePostgresApp app) : HostileInputTests(app), IClassFixture<HostilePostgresApp>;
