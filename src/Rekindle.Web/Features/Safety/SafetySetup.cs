using Rekindle.Core.Safety;
using Rekindle.Language;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Safety;

public static class SafetySetup
{
    /// <summary>The crisis reader (the embedding model and the trained classifier from content/safety/crisis-model.bin), shared by every feature.</summary>
    public static IServiceCollection AddSafetyNet(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISentenceEmbedder>(_ => MiniLmEmbedder.Shared);
        services.AddSingleton(sp =>
        {
            var path = Path.Combine(ContentPaths.Root(configuration), "safety", "crisis-model.bin");
            CrisisClassifier classifier;
            try
            {
                classifier = CrisisClassifier.Load(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Rekindle can't start: the crisis reader's model {path} can't be read ({e.Message}). Retrain it with `rekindle safety train`.", e);
            }

            return new CrisisReader(sp.GetRequiredService<ISentenceEmbedder>(), classifier);
        });
        services.AddScoped<SafetyNet>();
        services.AddHostedService<SafetyNetWarmUp>();
        return services;
    }
}

/// <summary>Loads the embedding model while the app starts, so the first person to write doesn't wait a second for it.</summary>
internal sealed class SafetyNetWarmUp(CrisisReader reader) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => reader.Read("Warming up the reader before anyone writes."), stoppingToken);
}
