using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Rekindle.Web.Features.Reminders;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>The app with SMTP pointed at a local sink the tests start.</summary>
public sealed class MailingApp : SqliteApp
{
    public SmtpSink Sink { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Rekindle:Smtp:Host"] = "127.0.0.1",
        ["Rekindle:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Rekindle:Smtp:Security"] = "None",
        ["Rekindle:Smtp:From"] = "Rekindle <reminders@rekindle.test>",
        ["Rekindle:Smtp:PublicUrl"] = "https://rekindle.test",
        // The tests run the job themselves; the schedule must not race them.
        ["Rekindle:Smtp:CheckEvery"] = "12:00:00",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class ReminderEmailTests(MailingApp app) : IClassFixture<MailingApp>
{
    // 20:00 in London on Monday 2 November 2026 (GMT, UTC+0).
    private static readonly DateTimeOffset EveningInLondon = new(2026, 11, 2, 20, 0, 0, TimeSpan.Zero);

    private async Task<int> RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderMailer>().SendDueAsync();
    }

    private async Task<(TestBrowser Browser, string Email)> WithEmailReminderAsync(string at)
    {
        app.Clock.Set(EveningInLondon.AddHours(-5));
        var email = Emails.New("mail");
        var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        var saved = await browser.SubmitAsync("/reminders", new Dictionary<string, string> { ["Input.DailyCheckInAt"] = at, ["Input.Email"] = "true" });
        Assert.Equal("/reminders", saved.Location);
        return (browser, email);
    }

    [Fact]
    public async Task The_daily_reminder_email_goes_out_once_per_local_day_with_neutral_words()
    {
        var (browser, email) = await WithEmailReminderAsync("20:00");
        using var _ = browser;
        Assert.Equal(0, await RunJobAsync());

        app.Clock.Set(EveningInLondon.AddMinutes(3));
        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());
        var mine = app.Sink.Messages.Where(m => m.To.Contains(email)).ToList();
        var message = Assert.Single(mine);
        Assert.Contains("Subject: Your daily check-in", message.Data, StringComparison.Ordinal);
        Assert.Contains("https://rekindle.test/check-in", message.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("ex", message.Data.Split("Subject:")[1].Split('\n')[0], StringComparison.OrdinalIgnoreCase);

        // The next evening, a check-in already made means no email; the day after, one again.
        app.Clock.Set(EveningInLondon.AddDays(1).AddHours(-1));
        await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/check-ins/2026-11-03", new { mood = 6, sleepHours = 7 });
        app.Clock.Set(EveningInLondon.AddDays(1).AddMinutes(1));
        Assert.Equal(0, await RunJobAsync());
        app.Clock.Set(EveningInLondon.AddDays(2).AddMinutes(1));
        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(2, app.Sink.Messages.Count(m => m.To.Contains(email)));
    }

    [Fact]
    public async Task The_scheduled_job_sends_through_quartz()
    {
        var (browser, email) = await WithEmailReminderAsync("19:30");
        using var _ = browser;
        app.Clock.Set(EveningInLondon);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(ReminderEmailJob.Key));
        await scheduler.TriggerJob(ReminderEmailJob.Key);
        Assert.Single(await app.Sink.WaitForAsync(email, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Email_reminders_need_a_time()
    {
        app.Clock.Set(EveningInLondon);
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var page = await browser.SubmitAsync("/reminders", new Dictionary<string, string> { ["Input.DailyCheckInAt"] = "", ["Input.Email"] = "true" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choose a time", page.FieldError("Input.DailyCheckInAt"), StringComparison.Ordinal);
    }
}
