using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

public abstract class ApiTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<TestBrowser> SignedInAsync()
    {
        app.Clock.Set(Monday);
        var browser = app.NewBrowser();
        var email = Emails.New("api");
        var registered = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/register", new { email, password = "tidal copper lantern", timeZoneId = "America/Chicago" });
        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_client_can_walk_the_first_slice_through_the_api()
    {
        using var browser = await SignedInAsync();
        var situation = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/situation", new
        {
            whoEnded = "me",
            breakupDate = "2026-10-15",
            monthsTogether = 40,
            breakupKind = "considered",
            sharesWork = true,
            timeZoneId = "America/Chicago",
            countryCode = "US",
        });
        Assert.Equal(HttpStatusCode.OK, situation.StatusCode);
        var situationBody = await situation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(situationBody.GetProperty("limitedContact").GetBoolean());

        var safety = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/situation/safety", new { abuse = false, threats = false, controlling = false, repeatedBetrayal = false });
        Assert.Equal(HttpStatusCode.OK, safety.StatusCode);

        var start = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/start", new { targetDays = 35, startDate = "2026-10-20" });
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var overview = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(13, overview.GetProperty("streak").GetProperty("currentDays").GetInt32());
        Assert.Equal(35, overview.GetProperty("streak").GetProperty("targetDays").GetInt32());

        var logistics = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/contacts", new { initiator = "logistics", occurredAt = "2026-11-01T09:00", note = "Handover of the project files." });
        Assert.Equal(HttpStatusCode.Created, logistics.StatusCode);
        var logged = await logistics.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KeepItPractical", logged.GetProperty("advice").GetString());
        Assert.Equal(13, logged.GetProperty("streak").GetProperty("currentDays").GetInt32());
        var id = logged.GetProperty("contact").GetProperty("id").GetString();
        Assert.Equal($"/api/v1/no-contact/contacts/{id}", logistics.Headers.Location?.OriginalString);

        var mine = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/contacts", new { initiator = "me", occurredAt = "2026-11-02T08:00", note = "Liked a photo." });
        var mineBody = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FreshStart", mineBody.GetProperty("advice").GetString());
        Assert.Equal(0, mineBody.GetProperty("streak").GetProperty("currentDays").GetInt32());

        var contact = await browser.GetJsonAsync<JsonElement>($"/api/v1/no-contact/contacts/{id}");
        Assert.Equal("logistics", contact.GetProperty("initiator").GetString());
        Assert.False(contact.GetProperty("restartedCount").GetBoolean());

        var dashboard = await browser.GetJsonAsync<JsonElement>("/api/v1/dashboard");
        Assert.Equal("no-contact", dashboard.GetProperty("phase").GetString());
        Assert.Equal(0, dashboard.GetProperty("details").GetProperty("streak").GetProperty("currentDays").GetInt32());

        var deleted = await browser.Client.DeleteAsync($"/api/v1/no-contact/contacts/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Single((await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact/contacts")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_response_naming_each_field_and_changes_nothing()
    {
        using var browser = await SignedInAsync();
        var start = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/no-contact/start", new { targetDays = 90 });
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal("application/problem+json", start.Content.Headers.ContentType?.MediaType);
        var problem = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("targetDays", out _));

        var situation = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/situation", new { breakupDate = "2030-01-01", timeZoneId = "America/Chicago", countryCode = "US" });
        var situationProblem = await situation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, situation.StatusCode);
        Assert.True(situationProblem.GetProperty("errors").TryGetProperty("breakupDate", out _));
        Assert.True(situationProblem.GetProperty("errors").TryGetProperty("whoEnded", out _));

        var stored = await browser.GetJsonAsync<JsonElement>("/api/v1/situation");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("breakupDate").ValueKind);
        Assert.False((await browser.GetJsonAsync<JsonElement>("/api/v1/no-contact")).GetProperty("started").GetBoolean());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"initiator\": 12345678901234567890}")]
    [InlineData("{\"initiator\": \"me\", \"occurredAt\": \"yesterday\"}")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_never_a_500(string body)
    {
        using var browser = await SignedInAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await browser.Client.PostAsync("/api/v1/no-contact/contacts", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_json_and_wrong_content_types_are_refused()
    {
        using var browser = await SignedInAsync();
        var deep = new string('[', 5000) + new string(']', 5000);
        using var nested = new StringContent(deep, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/api/v1/no-contact/contacts", nested)).StatusCode);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["initiator"] = "me" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await browser.Client.PostAsync("/api/v1/no-contact/contacts", form)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var browser = app.NewBrowser();
        var document = await browser.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/situation", "/api/v1/no-contact", "/api/v1/no-contact/contacts", "/api/v1/no-contact/contacts/{id}", "/api/v1/dashboard", "/api/v1/auth/login" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Crisis_resources_are_public_and_fall_back_to_the_international_directory()
    {
        using var browser = app.NewBrowser();
        var gb = await browser.GetJsonAsync<JsonElement>("/api/v1/crisis-resources?country=GB");
        Assert.Equal("GB", gb.GetProperty("code").GetString());
        var unknown = await browser.GetJsonAsync<JsonElement>("/api/v1/crisis-resources?country=QQ");
        Assert.Equal("ZZ", unknown.GetProperty("code").GetString());
        var signedOut = await browser.GetJsonAsync<JsonElement>("/api/v1/crisis-resources");
        Assert.Equal("ZZ", signedOut.GetProperty("code").GetString());
    }

    public static TheoryData<string> CountryCodes() =>
        [.. Rekindle.Web.Features.Help.CrisisDirectory.Load(Path.Combine(Repository.Root, "content", "crisis", "helplines.yaml")).Countries.Select(c => c.Code)];

    [Theory]
    [MemberData(nameof(CountryCodes))]
    public async Task Crisis_resources_answer_every_country_with_its_lines_hours_and_sources(string code)
    {
        using var browser = app.NewBrowser();
        var country = await browser.GetJsonAsync<JsonElement>($"/api/v1/crisis-resources?country={code.ToLowerInvariant()}");
        Assert.Equal(code, country.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(country.GetProperty("name").GetString()));
        var resources = country.GetProperty("resources").EnumerateArray().ToList();
        Assert.Contains(resources, r => r.GetProperty("kind").GetString() is "crisis" or "directory");
        foreach (var resource in resources.Where(r => r.GetProperty("contacts").GetArrayLength() > 0))
        {
            Assert.False(string.IsNullOrEmpty(resource.GetProperty("hours").GetString()));
            Assert.StartsWith("http", resource.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", resource.GetProperty("checked").GetString());
            foreach (var contact in resource.GetProperty("contacts").EnumerateArray())
            {
                Assert.Matches("^(tel:|sms:|https://)", contact.GetProperty("href").GetString());
            }
        }
    }

    [Fact]
    public async Task Crisis_resources_without_a_country_answer_the_signed_in_users_guessed_country()
    {
        app.Clock.Set(Monday);
        using var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");
        var registered = await browser.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/register", new { email = Emails.New("api"), password = "tidal copper lantern", timeZoneId = "Europe/Madrid" });
        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);

        var situation = await browser.GetJsonAsync<JsonElement>("/api/v1/situation");
        Assert.Equal("ES", situation.GetProperty("countryCode").GetString());
        var mine = await browser.GetJsonAsync<JsonElement>("/api/v1/crisis-resources");
        Assert.Equal("ES", mine.GetProperty("code").GetString());
        var asked = await browser.GetJsonAsync<JsonElement>("/api/v1/crisis-resources?country=JP");
        Assert.Equal("JP", asked.GetProperty("code").GetString());
    }
}

public sealed class ApiSqliteTests(SqliteApp app) : ApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApiPostgresTests(PostgresApp app) : ApiTests(app), IClassFixture<PostgresApp>;
