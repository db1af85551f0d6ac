using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Security;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Counts how many times each account's password hash is checked (the dummy checks use an empty id).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new();

    public ConcurrentDictionary<Guid, int> Checks { get; } = new();

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Checks.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class GuessingSqliteApp : SqliteApp
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

public sealed class GuessingPostgresApp : PostgresApp
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

/// <summary>
/// Guessing in parallel (issue 23, findings 1 and 2): PIN and password failures are counted in one database
/// update that also decides, so fifty guesses at once check no more than the limit, and deleting the account
/// counts toward the same lockout.
/// </summary>
public abstract class GuessingTests(AppFactory app, CountingPasswordHasher hasher)
{
    private const string Password = "lantern orchard velvet";
    private const int Parallel = 50;

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static Task<HttpResponseMessage[]> InParallelAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => send(i))));

    [Fact]
    public async Task Fifty_parallel_pin_guesses_check_no_more_pins_than_the_limit()
    {
        using var browser = app.NewBrowser();
        var email = Emails.New("pin-race");
        await browser.RegisterAsync(email);
        var set = await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "2468", ["Pin.IdleMinutes"] = "5", ["Pin.Password"] = Password }, "/settings/security?handler=Pin");
        Assert.Equal("/settings/security", set.Location);
        var lockPage = await browser.GetAsync("/lock");
        Assert.True(lockPage.Has("lock-screen"));
        var token = lockPage.AntiforgeryToken();
        var refusedBefore = app.Logs.Lines.Count(l => l.Contains("App PIN refused", StringComparison.Ordinal));

        var responses = await InParallelAsync(Parallel, i => browser.Client.PostAsync("/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Pin"] = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__rvt"] = token,
        })));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"A guess answered {(int)r.StatusCode}"));
        var checkedPins = app.Logs.Lines.Count(l => l.Contains("App PIN refused", StringComparison.Ordinal)) - refusedBefore;
        Assert.True(checkedPins <= PinLock.MaxAttempts, $"{checkedPins} PINs were checked; the limit is {PinLock.MaxAttempts}");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/dashboard")).Status);

        // Signing in again with the password gives the PIN its tries back: the right PIN unlocks.
        using var again = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email)).Status);
        var relock = await again.GetAsync("/lock");
        var unlocked = await again.PostAsync("/lock", new Dictionary<string, string> { ["Pin"] = "2468" }, relock.AntiforgeryToken());
        Assert.Equal("/dashboard", unlocked.Location);
    }

    [Fact]
    public async Task Fifty_parallel_password_guesses_check_no_more_passwords_than_the_limit()
    {
        var email = Emails.New("password-race");
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(email);
        }

        var userId = await UserIdAsync(email);
        var checksBefore = hasher.Checks.GetValueOrDefault(userId);
        using var guesser = app.NewBrowser();
        var responses = await InParallelAsync(Parallel, i => guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"wrong guess number {i}" }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Locked, $"A guess answered {(int)r.StatusCode}"));
        var checkedPasswords = hasher.Checks.GetValueOrDefault(userId) - checksBefore;
        Assert.True(checkedPasswords <= 5, $"{checkedPasswords} passwords were checked; the limit is 5");
        Assert.Equal(HttpStatusCode.Locked, (await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode);

        // Fifteen minutes later the lockout is over and the right password works.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.NoContent, (await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_to_delete_the_account_count_toward_the_lockout_and_a_locked_account_is_not_deleted()
    {
        var email = Emails.New("delete-guess");
        using var owner = app.NewBrowser();
        await owner.RegisterAsync(email);

        // Three wrong passwords on the page, two through the API: five failures, the same lockout as signing in.
        for (var i = 0; i < 3; i++)
        {
            var wrong = await owner.SubmitAsync("/settings", new Dictionary<string, string> { ["deletePassword"] = $"not it {i}" }, "/settings?handler=Delete");
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains("isn't right", Page.Text(wrong.Html), StringComparison.Ordinal);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/account/delete", new { password = $"still not it {i}" })).StatusCode);
        }

        // Locked out: even the right password deletes nothing, on the page or through the API.
        var refused = await owner.SubmitAsync("/settings", new Dictionary<string, string> { ["deletePassword"] = Password }, "/settings?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Too many wrong passwords", Page.Text(refused.Html), StringComparison.Ordinal);
        var api = await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/account/delete", new { password = Password });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Too many wrong passwords", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/settings")).Status);
        using (var other = app.NewBrowser())
        {
            Assert.Equal("/account/lockout", (await other.SignInAsync(email)).Location);
        }

        // After the lockout the right password deletes the account.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var deleted = await owner.SubmitAsync("/settings", new Dictionary<string, string> { ["deletePassword"] = Password }, "/settings?handler=Delete");
        Assert.Equal("/account/deleted", deleted.Location);
    }
}

public sealed class GuessingSqliteTests(GuessingSqliteApp app) : GuessingTests(app, app.Hasher), IClassFixture<GuessingSqliteApp>;

public sealed class GuessingPostgresTests(GuessingPostgresApp app) : GuessingTests(app, app.Hasher), IClassFixture<GuessingPostgresApp>;
