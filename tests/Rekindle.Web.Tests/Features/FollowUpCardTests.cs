using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The dashboard's low-mood follow-up card: when it appears, what it offers, and putting it away for a week.</summary>
public abstract class FollowUpCardTests(AppFactory app)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private async Task<(TestBrowser Browser, string Email)> SignedInAsync()
    {
        app.Clock.Set(Monday);
        var email = Emails.New("mood");
        var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.SaveSituationAsync(country: "GB");
        await browser.AnswerSafetyAsync();
        return (browser, email);
    }

    private static async Task CheckInAsync(TestBrowser browser, string date, int mood)
    {
        var response = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/check-ins/{date}", new { mood, sleepHours = 7 });
        Assert.True(response.IsSuccessStatusCode, $"check-in {date}: {(int)response.StatusCode}");
    }

    private async Task SetCrisisFoundAsync(string email, DateTime? at)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var cipher = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.UserCipher>();
        await Rekindle.Web.Features.Shared.ProfileMarks.StampAsync(db, cipher, userId, marks => marks.LastCrisisFoundAt = at, CancellationToken.None);
    }

    [Fact]
    public async Task Three_low_check_ins_in_a_week_bring_a_calm_card_that_can_be_put_away_for_a_week()
    {
        var (browser, _) = await SignedInAsync();
        using var _b = browser;
        await CheckInAsync(browser, "2026-10-28", 1);
        await CheckInAsync(browser, "2026-11-01", 2);
        await CheckInAsync(browser, "2026-10-30", 6);
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        await CheckInAsync(browser, "2026-11-02", 1);
        var dashboard = await browser.GetAsync("/dashboard");
        Assert.True(dashboard.Has("follow-up"));
        Assert.Contains("href=\"/safety-plan\"", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("Samaritans", dashboard.TestId("follow-up-line"), StringComparison.Ordinal);
        Assert.Contains("href=\"tel:116123\"", dashboard.Html, StringComparison.Ordinal);

        var dismissed = await browser.SubmitAsync("/dashboard", [], "/dashboard?handler=DismissFollowUp");
        Assert.Equal("/dashboard", dismissed.Location);
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        // Still low six days later: it stays away for the week it was put away for.
        app.Clock.Set(Monday.AddDays(6));
        foreach (var day in new[] { "2026-11-06", "2026-11-07", "2026-11-08" })
        {
            await CheckInAsync(browser, day, 1);
        }

        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        // A week after putting it away, with the days still low, it comes back.
        app.Clock.Set(Monday.AddDays(7));
        Assert.True((await browser.GetAsync("/dashboard")).Has("follow-up"));

        // Putting it away doesn't make the situation form on another tab stale.
        var situation = await browser.GetAsync("/situation");
        await browser.SubmitAsync("/dashboard", [], "/dashboard?handler=DismissFollowUp");
        var saved = await browser.PostAsync("/situation", new Dictionary<string, string>
        {
            ["Input.WhoEnded"] = "Them", ["Input.BreakupDate"] = "2026-10-20", ["Input.MonthsTogether"] = "26", ["Input.BreakupKind"] = "Considered",
            ["Input.TimeZoneId"] = "Europe/London", ["Input.CountryCode"] = "GB", ["Input.Version"] = situation.FieldValue("Input.Version")!,
        }, situation.AntiforgeryToken());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.Status);
    }

    [Fact]
    public async Task A_crisis_finding_in_the_last_seven_days_brings_the_card_without_low_check_ins()
    {
        var (browser, email) = await SignedInAsync();
        using var _b = browser;
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        await SetCrisisFoundAsync(email, Monday.UtcDateTime.AddDays(-8));
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        await SetCrisisFoundAsync(email, Monday.UtcDateTime.AddDays(-2));
        Assert.True((await browser.GetAsync("/dashboard")).Has("follow-up"));

        app.Clock.Set(Monday.AddDays(5).AddMinutes(1));
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));

        // API clients put it away the same way.
        await SetCrisisFoundAsync(email, Monday.UtcDateTime.AddDays(5));
        Assert.True((await browser.GetAsync("/dashboard")).Has("follow-up"));
        var dismissed = await browser.Client.PostAsync("/api/v1/dashboard/follow-up/dismiss", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.False((await browser.GetAsync("/dashboard")).Has("follow-up"));
    }
}

public sealed class FollowUpCardSqliteTests(SqliteApp app) : FollowUpCardTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpCardPostgresTests(PostgresApp app) : FollowUpCardTests(app), IClassFixture<PostgresApp>;
