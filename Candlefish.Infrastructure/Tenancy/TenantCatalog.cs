using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Audit;
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

/// <summary>A tenant with the catalog's record-keeping dates, for the staff console.</summary>
public sealed record TenantRecord(TenantInfo Tenant, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public enum TenantSort
{
    Identifier,
    DisplayName,
    State,
    Tier,
    CreatedAt,
}

/// <summary>A page of live tenants whose identifier or display name contains <see cref="Search"/>.</summary>
public sealed record TenantQuery(string? Search, TenantSort Sort = TenantSort.Identifier, bool Descending = false, int Skip = 0, int Take = 25);

/// <summary>
/// Writes to the tenant catalog. Every change invalidates the store's cache for that tenant. A change made by a
/// staff member (an <see cref="StaffActor"/> is given) writes its audit entry in the same transaction.
/// </summary>
public sealed class TenantCatalog(IDbContextFactory<CatalogDbContext> contexts, ITenantStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Identifier).ToListAsync(cancellationToken);
        return tenants.Select(t => t.ToInfo()).ToList();
    }

    public async Task<(IReadOnlyList<TenantRecord> Page, int Total)> SearchAsync(TenantQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenants = db.Tenants.AsNoTracking().Where(t => t.State != TenantState.Deleted);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Escaped, so a search for "50%" or "a_b" means those characters, not LIKE wildcards.
            var pattern = "%" + query.Search.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            tenants = tenants.Where(t => EF.Functions.ILike(t.Identifier, pattern) || EF.Functions.ILike(t.DisplayName, pattern));
        }
        var total = await tenants.CountAsync(cancellationToken);
        IOrderedQueryable<Tenant> ordered = (query.Sort, query.Descending) switch
        {
            (TenantSort.DisplayName, false) => tenants.OrderBy(t => t.DisplayName),
            (TenantSort.DisplayName, true) => tenants.OrderByDescending(t => t.DisplayName),
            (TenantSort.State, false) => tenants.OrderBy(t => t.State),
            (TenantSort.State, true) => tenants.OrderByDescending(t => t.State),
            (TenantSort.Tier, false) => tenants.OrderBy(t => t.Tier),
            (TenantSort.Tier, true) => tenants.OrderByDescending(t => t.Tier),
            (TenantSort.CreatedAt, false) => tenants.OrderBy(t => t.CreatedAt),
            (TenantSort.CreatedAt, true) => tenants.OrderByDescending(t => t.CreatedAt),
            (_, true) => tenants.OrderByDescending(t => t.Identifier),
            _ => tenants.OrderBy(t => t.Identifier),
        };
        var page = await ordered.ThenBy(t => t.Identifier)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(cancellationToken);
        return (page.Select(t => new TenantRecord(t.ToInfo(), t.CreatedAt, t.UpdatedAt)).ToList(), total);
    }

    /// <summary>The live tenant with this identifier and its dates, read from the catalog itself.</summary>
    public async Task<TenantRecord?> FindLiveRecordAsync(string identifier, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Identifier == identifier && t.State != TenantState.Deleted, cancellationToken);
        return tenant is null ? null : new TenantRecord(tenant.ToInfo(), tenant.CreatedAt, tenant.UpdatedAt);
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
    public async Task<TenantInfo> CreateAsync(NewTenant values, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(values.Identifier, values.DisplayName, values.Tier, values.Products,
            values.TimeZone, values.Currency, now, values.DatabaseTarget);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Tenants.Add(tenant);
        if (actor is not null)
            db.AuditEntries.Add(AuditEntry.For(actor, AuditActions.CreateTenant, tenant.ToInfo(), before: null, after: tenant.ToInfo(), now));
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
        ChangeAsync(identifier, (t, now) => t.UpdateProfile(displayName, timeZone, currency, now), null, cancellationToken);

    /// <summary>The last step of provisioning, done by the platform itself: never a staff action of its own.</summary>
    public Task<TenantInfo> ActivateAsync(string identifier, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Activate(now), null, cancellationToken);

    public Task<TenantInfo> SuspendAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Suspend(now), actor is null ? null : (actor, AuditActions.SuspendTenant), cancellationToken);

    public Task<TenantInfo> ResumeAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.Resume(now), actor is null ? null : (actor, AuditActions.ResumeTenant), cancellationToken);

    public Task<TenantInfo> ChangeProductsAsync(string identifier, Products products, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.ChangeProducts(products, now), actor is null ? null : (actor, AuditActions.ChangeProducts), cancellationToken);

    public Task<TenantInfo> MarkDeletedAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(identifier, (t, now) => t.MarkDeleted(now), actor is null ? null : (actor, AuditActions.DeleteTenant), cancellationToken);

    /// <summary>Records a staff action that changes no tenant (such as reading its outbox), with what it read as <paramref name="after"/>.</summary>
    public async Task AuditAsync(StaffActor actor, string action, TenantInfo tenant, object? after, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.For(actor, action, tenant, before: null, after, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TenantInfo> ChangeAsync(string identifier, Action<Tenant, DateTimeOffset> change,
        (StaffActor Actor, string Action)? audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Identifier == identifier && t.State != TenantState.Deleted, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no tenant '{identifier}'.");
        var now = clock.GetUtcNow();
        var before = tenant.ToInfo();
        change(tenant, now);
        if (audit is { } a)
            db.AuditEntries.Add(AuditEntry.For(a.Actor, a.Action, before, before, tenant.ToInfo(), now));
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(identifier);
        return tenant.ToInfo();
    }
}
