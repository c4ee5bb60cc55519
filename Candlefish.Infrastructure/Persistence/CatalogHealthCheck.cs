using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>Ready when the platform database answers the app role and the catalog table exists (i.e. it is migrated).</summary>
internal sealed class CatalogHealthCheck(TenantDataSources sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = sources.Platform.CreateCommand("SELECT to_regclass('platform.tenants') IS NOT NULL");
            var migrated = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            return migrated
                ? HealthCheckResult.Healthy("The catalog database answers.")
                : HealthCheckResult.Unhealthy("The catalog database answers but is not migrated (run the migrate command).");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The exception goes to the health log, not to the caller.
            return HealthCheckResult.Unhealthy("The catalog database does not answer.", e);
        }
    }
}
