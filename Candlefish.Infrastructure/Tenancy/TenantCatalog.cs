using Candlefish.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>The values staff give for a new tenant.</summary>
public sealed record NewTenant(
    string Identifier,
    string DisplayName,
    IsolationTier Tier,
    Products Products,
    string TimeZone = "UTC",
    string Currency = "USD",
    string? DatabaseTarget = null);

/// <summary>Writes to the tenant catalog. Every change invalidates the store's cache for that tenant.</summary>
public sealed class TenantCatalog(IDbContextFactory<CatalogDbContext> contexts, ITenantStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Identifier).ToListAsync(cancellationToken);
        return tenants.Select(t => t.ToInfo()).ToList();
    }

    /// <summary>The live (not deleted) tenant with this identifier, read from the catalog itself, not the cache.</summary>
    public async Task<TenantInfo?> FindLiveAsync(string identifier, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Identifier == identifier && t.State != TenantState.Deleted, cancellationToken);
        return tenant?.ToInfo();
    }

    /// <summary>The most recently deleted tenant with this identifier, if any.</summary>
    public async Task<TenantInfo?> FindDeletedAsync(string identifier, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Identifier == identifier && t.State == TenantState.Deleted)
            .OrderByDescending(t => t.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        return tenant?.ToInfo();
    }

    /// <summary>Adds a tenant in the provisioning state. Throws <see cref="TenantValidationException"/> with field errors.</summary>
    public async Task<TenantInfo> CreateAsync(NewTenant values, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant.Create(values.Identifier, values.DisplayName, values.Tier, values.Products,
            values.TimeZone, values.Currency, clock.GetUtcNow(), values.DatabaseTarget);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new TenantValidationException(new Dictionary<string, string[]>
            {
                [nameof(Tenant.Identifier)] = [$"A tenant with the identifier '{values.Identifier}' already exists."],
            });
        }
        store.Invalidate(tenant.Identifier);
        return tenant.ToInfo();
    }

    /// <summary>The owner's changes to their business's name, time zone and currency. Throws <see cref="TenantValidationException"/>.</summary>
    public Task<TenantInfo> UpdateProfileAsync(string identifier, string displayName, string timeZone, string currency, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.UpdateProfile(displayName, timeZone, currency, now), cancellationToken);

    public Task<TenantInfo> ActivateAsync(string identifier, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Activate(now), cancellationToken);

    public Task<TenantInfo> SuspendAsync(string identifier, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Suspend(now), cancellationToken);

    public Task<TenantInfo> ResumeAsync(string identifier, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Resume(now), cancellationToken);

    public Task<TenantInfo> MarkDeletedAsync(string identifier, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.MarkDeleted(now), cancellationToken);

    private async Task<TenantInfo> ChangeAsync(string identifier, Action<Tenant, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Identifier == identifier && t.State != TenantState.Deleted, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no tenant '{identifier}'.");
        change(tenant, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(identifier);
        return tenant.ToInfo();
    }
}
