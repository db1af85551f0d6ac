using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure;

public sealed class DatabaseHealthCheck(RekindleDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
