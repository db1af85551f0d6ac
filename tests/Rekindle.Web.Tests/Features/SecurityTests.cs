using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>Sessions, timeouts, re-authentication and the app PIN, through the real pipeline.</summary>
public abstract class SecurityTests(AppFactory app)
{
    private const string Password = "lantern orchard velvet";
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static async Task<bool> SignedInAsync(TestBrowser browser)
    {
        var response = await browser.Client.GetAsync("/dashboard");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task<(TestBrowser First, TestBrowser Second, string Email)> TwoSessionsAsync()
    {
        app.Clock.Set(Monday);
        var email = Emails.New("sessions");
        var first = app.NewBrowser();
        await first.RegisterAsync(email);
        var second = app.NewBrowser();
        second.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SignInAsync(email)).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return (first, second, email);
    }

    [Fact]
    public async Task Sessions_are_listed_and_one_can_be_signed_out_from_another()
    {
        var (first, second, _) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;
        var page = await first.GetAsync("/settings/security");
        var sessions = page.TestId("sessions")!;
        Assert.Contains("Chrome on Android", sessions, StringComparison.Ordinal);
        Assert.Contains("this browser", sessions, StringComparison.Ordinal);

        var other = System.Text.RegularExpressions.Regex.Match(page.Html, "name=\"SessionId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var ended = await first.PostAsync("/settings/security?handler=EndSession", new Dictionary<string, string> { ["SessionId"] = other }, page.AntiforgeryToken());
        Assert.Equal("/settings/security", ended.Location);
        Assert.False(await SignedInAsync(second));
        Assert.True(await SignedInAsync(first));
    }

    [Fact]
    public async Task Another_users_session_id_ends_nothing()
    {
        var (first, second, _) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;
        var victimPage = await second.GetAsync("/settings/security");
        var victimSession = System.Text.RegularExpressions.Regex.Match(victimPage.Html, "name=\"SessionId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        using var intruder = app.NewBrowser();
        await intruder.RegisterAsync(Emails.New("intruder"));
        var page = await intruder.GetAsync("/settings/security");
        var response = await intruder.PostAsync("/settings/security?handler=EndSession", new Dictionary<string, string> { ["SessionId"] = victimSession }, page.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.True(await SignedInAsync(first));
        Assert.True(await SignedInAsync(second));
    }

    [Fact]
    public async Task An_idle_session_ends_and_so_does_a_session_past_its_absolute_lifetime()
    {
        var (first, second, _) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;

        // The first stays busy; the second is left alone for nine hours.
        for (var hour = 0; hour < 9; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await SignedInAsync(first), $"hour {hour}");
        }

        Assert.False(await SignedInAsync(second));

        // Busy or not, no session outlives fourteen days.
        for (var day = 0; day < 15 && await SignedInAsync(first); day++)
        {
            for (var hour = 0; hour < 24; hour += 6)
            {
                app.Clock.Advance(TimeSpan.FromHours(6));
                if (!await SignedInAsync(first))
                {
                    break;
                }
            }
        }

        Assert.False(await SignedInAsync(first));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_signs_out_the_other_sessions()
    {
        var (first, second, email) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;
        var wrong = await first.SubmitAsync("/settings/security", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "not my password",
            ["Password.NewPassword"] = "quiet harbour lanterns",
        }, "/settings/security?handler=Password");
        Assert.Contains("isn't your current password", wrong.FieldError("Password.CurrentPassword"), StringComparison.Ordinal);
        Assert.True(await SignedInAsync(second));

        var weak = await first.SubmitAsync("/settings/security", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = Password,
            ["Password.NewPassword"] = "password",
        }, "/settings/security?handler=Password");
        Assert.NotNull(weak.FieldError("Password.NewPassword"));

        var changed = await first.SubmitAsync("/settings/security", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = Password,
            ["Password.NewPassword"] = "quiet harbour lanterns",
        }, "/settings/security?handler=Password");
        Assert.Equal("/settings/security", changed.Location);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await SignedInAsync(first));
        Assert.False(await SignedInAsync(second));

        using var again = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email, Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email, "quiet harbour lanterns")).Status);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_sessions_once_their_cookie_is_older_than_the_check_interval()
    {
        // The cookie event asks Identity's stamp validator only when its interval (five minutes) has passed; this
        // shows the validator is still reached then, and that before then a stamp change alone does not end a session.
        var (first, second, email) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.UpdateSecurityStampAsync(user!)).Succeeded);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await SignedInAsync(first));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await SignedInAsync(first));
        Assert.False(await SignedInAsync(second));
    }

    [Fact]
    public async Task Changing_the_email_needs_the_password_and_a_free_address()
    {
        var (first, second, email) = await TwoSessionsAsync();
        using var _1 = first;
        using var _2 = second;
        var taken = Emails.New("taken");
        using (var other = app.NewBrowser())
        {
            await other.RegisterAsync(taken);
        }

        var noPassword = await first.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Email.NewEmail"] = Emails.New("new"), ["Email.Password"] = "" }, "/settings/security?handler=Email");
        Assert.NotNull(noPassword.FieldError("Email.Password"));
        var duplicate = await first.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Email.NewEmail"] = taken, ["Email.Password"] = Password }, "/settings/security?handler=Email");
        Assert.Contains("Another account", duplicate.FieldError("Email.NewEmail"), StringComparison.Ordinal);

        var fresh = Emails.New("new");
        var changed = await first.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Email.NewEmail"] = fresh, ["Email.Password"] = Password }, "/settings/security?handler=Email");
        Assert.Equal("/settings/security", changed.Location);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await SignedInAsync(second));
        using var again = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(fresh)).Status);
    }

    [Fact]
    public async Task The_app_pin_locks_an_idle_session_and_five_wrong_tries_sign_it_out()
    {
        app.Clock.Set(Monday);
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("pin"));
        var refused = await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "12a4", ["Pin.IdleMinutes"] = "1", ["Pin.Password"] = "nope" }, "/settings/security?handler=Pin");
        Assert.NotNull(refused.FieldError("Pin.Pin"));
        Assert.NotNull(refused.FieldError("Pin.IdleMinutes"));
        Assert.NotNull(refused.FieldError("Pin.Password"));

        var set = await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "2468", ["Pin.IdleMinutes"] = "3", ["Pin.Password"] = Password }, "/settings/security?handler=Pin");
        Assert.Equal("/settings/security", set.Location);
        Assert.Contains("data-lock-after-minutes=\"3\"", (await browser.GetAsync("/dashboard")).Html, StringComparison.Ordinal);

        // Active use never locks; four idle minutes do.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await SignedInAsync(browser));
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var locked = await browser.Client.GetAsync("/journal");
        Assert.Equal("/lock", locked.Headers.Location?.OriginalString);
        Assert.Equal((HttpStatusCode)423, (await browser.Client.GetAsync("/api/v1/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/help")).StatusCode);

        var lockPage = await browser.GetAsync("/lock");
        Assert.True(lockPage.Has("lock-screen"));
        Assert.DoesNotContain("href=\"/journal\"", lockPage.Html, StringComparison.Ordinal);
        var wrong = await browser.PostAsync("/lock", new Dictionary<string, string> { ["Pin"] = "1111" }, lockPage.AntiforgeryToken());
        Assert.True(wrong.Has("lock-problem"));
        var right = await browser.PostAsync("/lock", new Dictionary<string, string> { ["Pin"] = "2468" }, lockPage.AntiforgeryToken());
        Assert.Equal("/dashboard", right.Location);
        Assert.True(await SignedInAsync(browser));

        // Locked again, five wrong guesses end the session.
        lockPage = await browser.GetAsync("/lock");
        Page? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await browser.PostAsync("/lock", new Dictionary<string, string> { ["Pin"] = "0000" }, lockPage.AntiforgeryToken());
        }

        Assert.Equal("/account/login", last!.Location);
        Assert.False(await SignedInAsync(browser));
    }
}

public sealed class SecuritySqliteTests(SessionLimitsSqliteApp app) : SecurityTests(app), IClassFixture<SessionLimitsSqliteApp>;

public sealed class SecurityPostgresTests(SessionLimitsPostgresApp app) : SecurityTests(app), IClassFixture<SessionLimitsPostgresApp>;
