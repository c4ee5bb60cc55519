using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Candlefish.Infrastructure.Jobs;

/// <summary>
/// Work a scheduled job does for one tenant, declared with
/// <see cref="JobsRegistration.AddTenantJob{TJob}"/>. It runs inside the tenant's scope (so
/// <see cref="ITenantContext"/> and <c>TenantDbContextFactory.CreateAsync()</c> mean that tenant) and in a DI scope of
/// its own, once per tenant per firing. It must be idempotent: a firing interrupted by a crash runs again.
/// </summary>
public interface ITenantJob
{
    /// <summary>The product a tenant must have enabled for the job to run for it (<see cref="Products.None"/>: every active tenant).</summary>
    static abstract Products Product { get; }

    Task RunAsync(TenantInfo tenant, CancellationToken cancellationToken);
}

/// <summary>What one pass of a tenant job did: how many tenants it ran for and which of them failed.</summary>
public sealed record TenantJobResult(int Tenants, IReadOnlyList<string> FailedTenants)
{
    public bool Succeeded => FailedTenants.Count == 0;
}

/// <summary>
/// Runs a tenant job for every active tenant that has its product, read from the catalog itself (not the resolution
/// cache) at each pass. Each tenant runs inside the tenant scope (CONVENTIONS 5: the only way to switch tenant) with its
/// identifier in the log scope; a tenant's failure is logged and does not stop the others.
/// </summary>
public sealed class TenantJobRunner(
    TenantCatalog catalog,
    TenantContextAccessor tenants,
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    ILogger<TenantJobRunner> logger)
{
    public async Task<TenantJobResult> RunAsync<TJob>(CancellationToken cancellationToken = default) where TJob : class, ITenantJob
    {
        var targets = (await catalog.ListAsync(cancellationToken))
            .Where(t => t.IsActive && t.Products.HasFlag(TJob.Product))
            .ToList();
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(targets,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.TenantParallelism, CancellationToken = cancellationToken },
            async (tenant, token) =>
            {
                if (!await RunForTenantAsync<TJob>(tenant, token))
                    failed.Add(tenant.Identifier);
            });

        if (!failed.IsEmpty)
            logger.LogWarning("Job {Job} failed for {Failed} of {Tenants} tenant(s): {FailedTenants}",
                typeof(TJob).Name, failed.Count, targets.Count, string.Join(", ", failed.Order()));
        return new TenantJobResult(targets.Count, failed.Order().ToList());
    }

    /// <summary>Runs the job for one tenant in its scope; false (and the error logged) when it threw.</summary>
    public async Task<bool> RunForTenantAsync<TJob>(TenantInfo tenant, CancellationToken cancellationToken = default) where TJob : class, ITenantJob
    {
        using var logScope = logger.BeginScope(tenant.LogScope);
        using var tenantScope = tenants.BeginScope(tenant);
        await using var services = scopes.CreateAsyncScope();
        try
        {
            await ActivatorUtilities.GetServiceOrCreateInstance<TJob>(services.ServiceProvider).RunAsync(tenant, cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Job {Job} failed for tenant {TenantId}", typeof(TJob).Name, tenant.Identifier);
            return false;
        }
    }
}

/// <summary>
/// The Quartz job behind a tenant job. Not concurrent: with the clustered store that holds across instances, so a pass
/// that overruns its interval is never overlapped by the next one.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TenantJobHost<TJob>(TenantJobRunner runner) : IJob where TJob : class, ITenantJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await runner.RunAsync<TJob>(cancellationToken);
}
