using System.Net;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

public abstract class AccountTests(AppFactory app)
{
    [Fact]
    public async Task Registering_signs_you_in_and_leads_to_your_situation()
    {
        using var browser = app.NewBrowser();
        var registered = await browser.RegisterAsync(Emails.New());
        Assert.Equal("/situation", registered.Location);

        var dashboard = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("situation", System.Text.RegularExpressions.Regex.Match(dashboard.Html, "data-phase=\"([^\"]+)\"").Groups[1].Value);
    }

    [Theory]
    [InlineData("America/Chicago", "en-US,en;q=0.9", "US")]
    [InlineData("Europe/Brussels", "nl-NL,nl;q=0.9", "NL")]
    [InlineData("Europe/Brussels", "fr-BE,fr;q=0.9", "BE")]
    [InlineData("Asia/Kolkata", "en-IN", "IN")]
    [InlineData("Etc/UTC", "pt-BR", "BR")]
    [InlineData("Asia/Shanghai", "zh-CN", "ZZ")]
    public async Task Registering_guesses_the_crisis_country_and_the_situation_page_offers_every_country(string zone, string language, string country)
    {
        using var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await browser.RegisterAsync(Emails.New(), timeZone: zone);

        var situation = await browser.GetAsync("/situation");
        var select = System.Text.RegularExpressions.Regex.Match(situation.Html, "<select[^>]*name=\"Input.CountryCode\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches($"<option selected=\"selected\" value=\"{country}\">", select);
        Assert.Equal(31, System.Text.RegularExpressions.Regex.Count(select, "<option"));

        var help = await browser.GetAsync("/help");
        Assert.Contains($"data-country=\"{country}\"", help.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short7c", "at least 8 characters")]
    [InlineData("password123", "one of the first that attackers try")]
    [InlineData("qwertyuiop", "one of the first that attackers try")]
    [InlineData("aaaaaaaaaaaa", "one of the first that attackers try")]
    public async Task Weak_passwords_are_refused_with_a_reason_and_the_email_is_kept(string password, string reason)
    {
        using var browser = app.NewBrowser();
        var email = Emails.New();
        var page = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, page.FieldError("Input.Password"), StringComparison.Ordinal);
        Assert.Equal(email, page.FieldValue("Input.Email"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/dashboard")).Status);
    }

    [Theory]
    [InlineData("all lowercase words no digits")]
    [InlineData("1234567x")]
    public async Task Long_or_plain_passwords_need_no_composition_rules(string password)
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New(), password);
    }

    [Fact]
    public async Task A_64_character_passphrase_is_accepted_and_anything_past_128_is_refused()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New(), string.Concat(Enumerable.Repeat("quiet river ", 6))[..64]);

        using var other = app.NewBrowser();
        var page = await other.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = Emails.New(),
            ["Input.Password"] = new string('x', 60) + string.Concat(Enumerable.Range(0, 80).Select(i => (char)('a' + (i % 26)))),
        });
        Assert.Contains("up to 128", page.FieldError("Input.Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_kindly()
    {
        var email = Emails.New();
        using (var first = app.NewBrowser())
        {
            await first.RegisterAsync(email);
        }

        using var second = app.NewBrowser();
        var page = await second.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "another calm phrase",
        });
        Assert.Contains("already an account", page.FieldError("Input.Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_and_in_again_works_and_a_wrong_password_keeps_the_email()
    {
        var email = Emails.New();
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        var signOut = await browser.SubmitAsync("/dashboard", [], "/account/logout");
        Assert.Equal("/", signOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/dashboard")).Status);

        var wrong = await browser.SignInAsync(email, "not the password");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("don't match an account", Page.Text(wrong.Html), StringComparison.Ordinal);
        Assert.Equal(email, wrong.FieldValue("Input.Email"));

        var right = await browser.SignInAsync(email);
        Assert.Equal("/dashboard", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = Emails.New();
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(email);
        }

        using var guesser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await guesser.SignInAsync(email, $"guess number {i}");
        }

        var locked = await guesser.SignInAsync(email);
        Assert.Equal("/account/lockout", locked.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_the_api_answers_401()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/no-contact");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        // Relative: the Host header never shapes where a visitor is sent.
        Assert.StartsWith("/account/login?ReturnUrl=", page.Location, StringComparison.Ordinal);

        var api = await browser.Client.GetAsync("/api/v1/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Only_safe_local_return_urls_are_followed_after_sign_in()
    {
        var email = Emails.New();
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(email);
        }

        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/account/login?returnUrl=https://evil.example/steal");
        var page = await browser.PostAsync("/account/login?returnUrl=https://evil.example/steal", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "lantern orchard velvet",
        }, login.AntiforgeryToken());
        Assert.Equal("/dashboard", page.Location);
    }
}

public sealed class AccountSqliteTests(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountPostgresTests(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
