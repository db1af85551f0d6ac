using System.Net;
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
    private static readonly Dictionary<string, (HttpMethod Method, string? Handler)[]> Covered = new()
    {
        ["no-contact/contacts/{id:guid}/edit"] = [(HttpMethod.Get, null), (HttpMethod.Post, null), (HttpMethod.Post, "Delete")],
        ["api/v1/no-contact/contacts/{id:guid}"] = [(HttpMethod.Get, null), (HttpMethod.Put, null), (HttpMethod.Delete, null)],
    };

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

    [Fact]
    public async Task Another_users_contact_answers_404_on_every_route_and_stays_unchanged()
    {
        using var owner = app.NewBrowser();
        await owner.RegisterAsync(Emails.New("owner"));
        await owner.SaveSituationAsync();
        await owner.AnswerSafetyAsync();
        await owner.StartNoContactAsync(startDate: "2026-10-25");
        await owner.LogContactAsync("Me", "2026-11-01T12:00", "The owner's private note.");
        var contacts = await owner.GetJsonAsync<JsonElement>("/api/v1/no-contact/contacts");
        var id = contacts[0].GetProperty("id").GetString()!;

        using var intruder = app.NewBrowser();
        await intruder.RegisterAsync(Emails.New("intruder"));
        var token = (await intruder.GetAsync("/no-contact")).AntiforgeryToken();
        var body = new Dictionary<string, string>
        {
            ["Contact.Initiator"] = "Them",
            ["Contact.OccurredAt"] = "2026-11-01T12:00",
            ["Contact.Note"] = "Overwritten by someone else",
        };

        foreach (var (route, calls) in Covered)
        {
            var url = "/" + Regex.Replace(route, "\\{id[^}]*\\}", id);
            foreach (var (method, handler) in calls)
            {
                var target = handler is null ? url : $"{url}?handler={handler}";
                HttpResponseMessage response;
                if (route.StartsWith("api/", StringComparison.Ordinal))
                {
                    response = method == HttpMethod.Put
                        ? await intruder.SendJsonAsync(method, target, new { initiator = "them", occurredAt = "2026-11-01T12:00", note = "Overwritten" })
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
                Assert.DoesNotContain("The owner's private note.", text, StringComparison.Ordinal);
            }
        }

        var after = await owner.GetJsonAsync<JsonElement>($"/api/v1/no-contact/contacts/{id}");
        Assert.Equal("The owner's private note.", after.GetProperty("note").GetString());
        Assert.Equal("me", after.GetProperty("initiator").GetString());
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
