using Quartz;
using Rekindle.Web.Features.Reminders;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Scheduled work through Quartz. On PostgreSQL the job store is persistent and clustered, so several app
/// instances share one schedule and each run happens on one instance only; SQLite (one machine) keeps it in memory.
/// See docs/adr/0005-scheduled-jobs.md.
/// </summary>
public static class Scheduling
{
    public static IServiceCollection AddRekindleScheduling(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        var every = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()?.CheckEvery ?? new SmtpOptions().CheckEvery;
        services.AddQuartz(quartz =>
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                    // Quartz owns and versions its own tables (qrtz_*); it creates the missing ones at start.
                    store.ProvisionSchema();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.AddJob<ReminderEmailJob>(job => job.WithIdentity(ReminderEmailJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(ReminderEmailJob.Key)
                .WithIdentity("reminder-emails-every", "rekindle")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(every).RepeatForever()));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
