using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Signing in gives the same answers for an address with an account and one without (issue 23, finding 9):
/// failures, then the lockout (423, the lockout page) after the same number of tries.
/// </summary>
public abstract class EnumerationTests(AppFactory app)
{
    private async Task<List<int>> GuessAsync(string email)
    {
        using var guesser = app.NewBrowser();
        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((int)(await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"guess number {i}" })).StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_an_address_with_an_account_and_one_without()
    {
        var known = Emails.New("known");
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(known);
        }

        var unknown = Emails.New("unknown");
        var forKnown = await GuessAsync(known);
        var forUnknown = await GuessAsync(unknown);
        Assert.Equal([401, 401, 401, 401, 423, 423, 423], forKnown);
        Assert.Equal(forKnown, forUnknown);

        // The page too: the lockout page for both, and the same words on the way there.
        using var browser = app.NewBrowser();
        var other = Emails.New("unknown-page");
        var pages = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var page = await browser.SignInAsync(other, $"guess {i}");
            pages.Add(page.Location ?? Page.Text(page.Html).Contains("don't match an account", StringComparison.Ordinal).ToString());
        }

        Assert.Equal(["True", "True", "True", "True", "/account/lockout", "/account/lockout"], pages);

        // Case and spaces don't make a fresh address.
        Assert.Equal(423, (int)(await browser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = " " + other.ToUpperInvariant(), password = "again" })).StatusCode);

        // The lockout ends for both after 15 minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(401, (int)(await browser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = unknown, password = "later" })).StatusCode);
        Assert.Equal(401, (int)(await browser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = known, password = "later" })).StatusCode);
    }
}

public sealed class EnumerationSqliteTests(SqliteApp app) : EnumerationTests(app), IClassFixture<SqliteApp>;

public sealed class EnumerationPostgresTests(PostgresApp app) : EnumerationTests(app), IClassFixture<PostgresApp>;
