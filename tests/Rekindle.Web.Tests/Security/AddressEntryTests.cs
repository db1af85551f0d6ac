using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Security;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Counts all password-hash work (hashes and checks), to show that two answers cost the same without timing them.</summary>
public sealed class HashWorkCounter : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new();
    private int hashes;
    private int verifications;

    public (int Hashes, int Verifications) Take() => (Interlocked.Exchange(ref hashes, 0), Interlocked.Exchange(ref verifications, 0));

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref hashes);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class HasherCountingSqliteApp : SqliteApp
{
    public HashWorkCounter Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }
}

public sealed class HasherCountingPostgresApp : PostgresApp
{
    public HashWorkCounter Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }
}

/// <summary>
/// Where an address is entered for an account that may or may not exist (issue 23, finding 9): registering and
/// changing the email do the same password-hash work for an address with an account as for one without, and an
/// account can't test addresses one after another by changing its email.
/// </summary>
public abstract class AddressEntryTests(AppFactory app, HashWorkCounter hasher)
{
    private const string Password = "lantern orchard velvet";

    [Fact]
    public async Task Registering_a_taken_address_does_the_same_password_hash_work_as_a_new_one()
    {
        var taken = Emails.New("taken");
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(taken, Password);
        }

        hasher.Take();
        using var prober = app.NewBrowser();
        var refused = await prober.Client.PostAsJsonAsync("/api/v1/auth/register", new { email = taken, password = "another calm phrase" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var forTaken = hasher.Take();

        using var newcomer = app.NewBrowser();
        var created = await newcomer.Client.PostAsJsonAsync("/api/v1/auth/register", new { email = Emails.New("fresh"), password = "another calm phrase" });
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        var forNew = hasher.Take();

        Assert.Equal((1, 0), forNew);
        Assert.Equal(forNew, forTaken);

        // The page likewise.
        using var pageProber = app.NewBrowser();
        var page = await pageProber.SubmitAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = taken, ["Input.Password"] = "another calm phrase", ["Input.TimeZoneId"] = "Europe/London" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var pageForTaken = hasher.Take();
        using var pageNewcomer = app.NewBrowser();
        await pageNewcomer.RegisterAsync(Emails.New("fresh-page"), "another calm phrase");
        Assert.Equal(hasher.Take(), pageForTaken);
    }

    private static Task<Page> ChangeEmailAsync(TestBrowser browser, string newEmail) =>
        browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Email.NewEmail"] = newEmail, ["Email.Password"] = Password }, "/settings/security?handler=Email");

    [Fact]
    public async Task Changing_to_a_taken_address_does_the_same_password_hash_work_as_to_a_free_one()
    {
        var taken = Emails.New("taken-change");
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(taken, Password);
        }

        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("changer"), Password);
        hasher.Take();
        var refused = await ChangeEmailAsync(browser, taken);
        Assert.Equal(CredentialsHandler.TakenMessage, refused.FieldError("Email.NewEmail"));
        var forTaken = hasher.Take();

        var changed = await ChangeEmailAsync(browser, Emails.New("free-change"));
        Assert.Equal("/settings/security", changed.Location);
        var forFree = hasher.Take();

        Assert.Equal((0, 1), forFree);
        Assert.Equal(forFree, forTaken);
    }

    [Fact]
    public async Task After_a_few_taken_addresses_every_new_address_gets_the_same_answer_for_15_minutes()
    {
        var taken = Emails.New("taken-probe");
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(taken, Password);
        }

        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("prober"), Password);
        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await ChangeEmailAsync(browser, taken)).FieldError("Email.NewEmail"));
        }

        Assert.Equal([.. Enumerable.Repeat(CredentialsHandler.TakenMessage, 4), CredentialsHandler.ProbingMessage], answers);

        // Now a taken address and a free one answer alike: the same status and the same words, and nothing changes.
        var forTaken = await ChangeEmailAsync(browser, taken);
        var free = Emails.New("free-probe");
        var forFree = await ChangeEmailAsync(browser, free);
        Assert.Equal((HttpStatusCode.OK, CredentialsHandler.ProbingMessage), (forTaken.Status, forTaken.FieldError("Email.NewEmail")));
        Assert.Equal((forTaken.Status, forTaken.FieldError("Email.NewEmail")), (forFree.Status, forFree.FieldError("Email.NewEmail")));

        // After 15 minutes the free address can be used.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("/settings/security", (await ChangeEmailAsync(browser, free)).Location);
    }
}

public sealed class AddressEntrySqliteTests(HasherCountingSqliteApp app) : AddressEntryTests(app, app.Hasher), IClassFixture<HasherCountingSqliteApp>;

public sealed class AddressEntryPostgresTests(HasherCountingPostgresApp app) : AddressEntryTests(app, app.Hasher), IClassFixture<HasherCountingPostgresApp>;
