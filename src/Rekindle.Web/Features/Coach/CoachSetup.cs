using Rekindle.Core.Coach;
using Rekindle.Core.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Coach;

public static class CoachSetup
{
    /// <summary>
    /// The message coach's learned layer (content/coach/coach-model.bin) over the same sentence embedder the crisis
    /// reader uses: one model in memory, shared by every request.
    /// </summary>
    public static IServiceCollection AddMessageCoach(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var path = Path.Combine(ContentPaths.Root(configuration), "coach", "coach-model.bin");
            CoachClassifier classifier;
            try
            {
                classifier = CoachClassifier.Load(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Rekindle can't start: the message coach's model {path} can't be read ({e.Message}). Retrain it with `rekindle coach train`.", e);
            }

            return new CoachReader(sp.GetRequiredService<ISentenceEmbedder>(), classifier);
        });
        services.AddScoped<CoachHandler>();
        return services;
    }
}
