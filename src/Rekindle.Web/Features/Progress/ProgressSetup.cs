using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.Journal;
using Rekindle.Web.Features.Reminders;
using Rekindle.Web.Features.Settings;

namespace Rekindle.Web.Features.Progress;

public static class ProgressSetup
{
    /// <summary>Check-ins, the journal, progress charts and reminders, with the scheduled reminder emails.</summary>
    public static IServiceCollection AddCheckInsAndJournal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CheckInHandler>();
        services.AddScoped<CheckInContact>();
        services.AddScoped<CheckInCsv>();
        services.AddScoped<JournalHandler>();
        services.AddScoped<ProgressHandler>();
        services.AddScoped<ReminderHandler>();
        services.AddScoped<ReminderMailer>();
        services.AddScoped<IExportSection, CheckInsSection>();
        services.AddScoped<IExportSection, JournalSection>();
        services.AddScoped<IExportSection, RemindersSection>();

        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        return services;
    }
}
