using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Every record belongs to one user: another user's id answers 404, for every route that takes one.</summary>
public abstract class OwnershipTests(AppFactory app)
{
    /// <summary>
    /// The routes that take a record id, each with every way it can be called. A new route with an id
    /// fails <see cref="Every_route_that_takes_an_id_is_covered"/> until it is added here.
    /// </summary>
    private static readonly Dictionary<string, (string Record, (HttpMethod Method, string? Handler)[] Calls)> Covered = new()
    {
        ["no-contact/contacts/{id:guid}/edit"] = ("contact", [(HttpMethod.Get, null), (HttpMethod.Post, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/no-contact/contacts/{id:guid}"] = ("contact", [(HttpMethod.Get, null), (HttpMethod.Put, null), (HttpMethod.Delete, null)]),
        ["letters/{id:guid}"] = ("letter", [(HttpMethod.Get, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/letters/{id:guid}"] = ("letter", [(HttpMethod.Get, null), (HttpMethod.Delete, null)]),
        ["urge/{id:guid}"] = ("urge", [(HttpMethod.Get, null), (HttpMethod.Post, "Outcome")]),
        ["api/v1/urges/{id:guid}"] = ("urge", [(HttpMethod.Get, null)]),
        ["api/v1/urges/{id:guid}/outcome"] = ("urge", [(HttpMethod.Put, null)]),
        ["ex-messages/{id:guid}"] = ("ex-message", [(HttpMethod.Get, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/ex-messages/{id:guid}"] = ("ex-message", [(HttpMethod.Get, null), (HttpMethod.Delete, null)]),
        ["journal/{id:guid}"] = ("journal", [(HttpMethod.Get, null), (HttpMethod.Post, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/journal/{id:guid}"] = ("journal", [(HttpMethod.Get, null), (HttpMethod.Put, null), (HttpMethod.Delete, null)]),
        ["assessments/{id:guid}"] = ("assessment", [(HttpMethod.Get, null)]),
        ["api/v1/assessments/revisions/{id:guid}"] = ("assessment", [(HttpMethod.Get, null)]),
        ["api/v1/stages/{id:guid}"] = ("stage", [(HttpMethod.Delete, null)]),
        ["incidents/{id:guid}"] = ("incident", [(HttpMethod.Get, null), (HttpMethod.Post, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/incidents/{id:guid}"] = ("incident", [(HttpMethod.Get, null), (HttpMethod.Put, null), (HttpMethod.Delete, null)]),
        ["trigger-dates/{id:guid}"] = ("trigger-date", [(HttpMethod.Get, null), (HttpMethod.Post, null), (HttpMethod.Post, "Delete")]),
        ["api/v1/trigger-dates/{id:guid}"] = ("trigger-date", [(HttpMethod.Put, null), (HttpMethod.Delete, null)]),
    };

    /// <summary>Creates one record of each kind for the owner, returning its id and the private text in it.</summary>
    private static async Task<Dictionary<string, (string Id, string Secret)>> SeedAsync(TestBrowser owner)
    {
        await owner.SaveSituationAsync();
        await owner.AnswerSafetyAsync();
        await owner.StartNoContactAsync(startDate: "2026-10-25");
        await owner.LogContactAsync("Me", "2026-11-01T12:00", "The owner's private note.");
        var contact = (await owner.GetJsonAsync<JsonElement>("/api/v1/no-contact/contacts"))[0].GetProperty("id").GetString()!;

        async Task<string> CreateAsync(string url, object body)
        {
            var response = await owner.SendJsonAsync(HttpMethod.Post, url, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        return new()
        {
            ["contact"] = (contact, "The owner's private note."),
            ["letter"] = (await CreateAsync("/api/v1/letters", new { body = "Owner letter: I still think about the lake." }), "Owner letter"),
            ["urge"] = (await CreateAsync("/api/v1/urges", new { intensity = 7, trigger = "Owner trigger: our song" }), "Owner trigger"),
            ["ex-message"] = (await CreateAsync("/api/v1/ex-messages", new { text = "Owner inbox: hey stranger", receivedAt = "2026-11-01T23:30" }), "Owner inbox"),
            ["journal"] = (await CreateAsync("/api/v1/journal", new { kind = "free", body = "Owner journal: the lake at dawn." }), "Owner journal"),
            ["assessment"] = (await CreateAsync("/api/v1/assessments/inventory", new { chosen = new[] { "communication" }, values = new Dictionary<string, string> { ["my-part"] = "Owner inventory: I went quiet." } }), "Owner inventory"),
            ["stage"] = (await CreateAsync("/api/v1/stages", new { stage = "first-message", occurredOn = "2026-11-01", note = "Owner stage note" }), "Owner stage note"),
            ["incident"] = (await CreateAsync("/api/v1/incidents", new { date = "2026-10-30", time = "21:40", what = "Owner incident: shouting at the door.", where = "Owner porch" }), "Owner incident"),
            ["trigger-date"] = (await CreateAsync("/api/v1/trigger-dates", new { label = "Owner date: our anniversary", date = "2019-11-20", yearly = true }), "Owner date"),
        };
    }

    private static string Normalize(string pattern) => pattern.TrimStart('/');

    [Fact]
    public void Every_route_that_takes_an_id_is_covered()
    {
        _ = app.Server;
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || p.Name.EndsWith("Id", StringComparison.Ordinal)))
            .Select(e => Normalize(e.RoutePattern.RawText!))
            .ToHashSet();
        Assert.NotEmpty(routes);
        Assert.Equal(Covered.Keys.Order(), routes.Order());
    }

    /// <summary>
    /// Every way to call an id route (read, edit, delete: every API method and every page handler) is in
    /// <see cref="Covered"/>, so a new handler on an existing route is tested against another user too.
    /// </summary>
    [Fact]
    public void Every_method_and_page_handler_of_an_id_route_is_covered()
    {
        _ = app.Server;
        var missing = new List<string>();
        var seen = 0;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = Normalize(endpoint.RoutePattern.RawText!);
            if (!Covered.TryGetValue(route, out var covered))
            {
                continue;
            }

            var calls = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is { } page
                ? page.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), Handler: h.Name))
                : (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Handler: (string?)null));
            calls = calls.ToList();
            seen += calls.Count();
            missing.AddRange(calls
                .Where(call => !covered.Calls.Any(c => c.Method.Method == call.Method && string.Equals(c.Handler, call.Handler, StringComparison.OrdinalIgnoreCase)))
                .Select(call => $"{call.Method} {route}{(call.Handler is null ? "" : "?handler=" + call.Handler)}"));
        }

        Assert.True(missing.Count == 0, "Not tested against another user: " + string.Join(", ", missing));
        Assert.Equal(Covered.Values.Sum(c => c.Calls.Length), seen);
    }

    [Fact]
    public async Task Another_users_contact_answers_404_on_every_route_and_stays_unchanged()
    {
        using var owner = app.NewBrowser();
        await owner.RegisterAsync(Emails.New("owner"));
        var records = await SeedAsync(owner);

        using var intruder = app.NewBrowser();
        await intruder.RegisterAsync(Emails.New("intruder"));
        var token = (await intruder.GetAsync("/no-contact")).AntiforgeryToken();
        var body = new Dictionary<string, string>
        {
            ["Contact.Initiator"] = "Them",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "Overwritten by someone else",
        };

        foreach (var (route, (record, calls)) in Covered)
        {
            var (id, secret) = records[record];
            var url = "/" + Regex.Replace(route, "\\{id[^}]*\\}", id);
            foreach (var (method, handler) in calls)
            {
                var target = handler is null ? url : $"{url}?handler={handler}";
                HttpResponseMessage response;
                if (route.StartsWith("api/", StringComparison.Ordinal))
                {
                    response = method == HttpMethod.Put
                        ? await intruder.SendJsonAsync(method, target, new { initiator = "them", occurredAt = "2026-11-01T12:00", note = "Overwritten", outcome = "contacted" })
                        : await intruder.Client.SendAsync(new HttpRequestMessage(method, target));
                }
                else
                {
                    response = method == HttpMethod.Get
                        ? await intruder.Client.GetAsync(target)
                        : (await intruder.PostAsync(target, body, token)).Response;
                }

                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {target} answered {(int)response.StatusCode} to another user");
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        var after = await owner.GetJsonAsync<JsonElement>($"/api/v1/no-contact/contacts/{records["contact"].Id}");
        Assert.Equal("The owner's private note.", after.GetProperty("note").GetString());
        Assert.Equal("me", after.GetProperty("initiator").GetString());
        Assert.Equal("pending", (await owner.GetJsonAsync<JsonElement>($"/api/v1/urges/{records["urge"].Id}")).GetProperty("outcome").GetString());
        Assert.Contains("lake", (await owner.GetJsonAsync<JsonElement>($"/api/v1/letters/{records["letter"].Id}")).GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("stranger", (await owner.GetJsonAsync<JsonElement>($"/api/v1/ex-messages/{records["ex-message"].Id}")).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Owner journal: the lake at dawn.", (await owner.GetJsonAsync<JsonElement>($"/api/v1/journal/{records["journal"].Id}")).GetProperty("body").GetString());
        Assert.Contains("Owner stage note", (await owner.GetJsonAsync<JsonElement>("/api/v1/stages")).GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Owner incident: shouting at the door.", (await owner.GetJsonAsync<JsonElement>($"/api/v1/incidents/{records["incident"].Id}")).GetProperty("what").GetString());
        var date = Assert.Single((await owner.GetJsonAsync<JsonElement>("/api/v1/trigger-dates")).EnumerateArray());
        Assert.Equal(("Owner date: our anniversary", "2019-11-20"), (date.GetProperty("label").GetString(), date.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task An_id_that_does_not_exist_answers_404_too()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/no-contact/contacts/{missing}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/api/v1/no-contact/contacts/{missing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/no-contact/contacts/not-a-guid/edit")).Status);
    }
}

public sealed class OwnershipSqliteTests(SqliteApp app) : OwnershipTests(app), IClassFixture<SqliteApp>;

public sealed class OwnershipPostgresTests(PostgresApp app) : OwnershipTests(app), IClassFixture<PostgresApp>;
