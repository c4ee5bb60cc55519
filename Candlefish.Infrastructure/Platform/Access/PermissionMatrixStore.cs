using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Candlefish.Infrastructure.Platform.Access;

/// <summary>
/// Each tenant's permission matrix, read on every authorization check and so cached per tenant (bounded, short
/// expiry so another app instance picks up an owner's change within a minute; this instance at once).
/// </summary>
public sealed class PermissionMatrixStore(TenantDbContextFactory contexts) : IDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async ValueTask<PermissionMatrix> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(tenant.Id, out PermissionMatrix? cached))
            return cached!;
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        var rows = await db.RolePermissions.AsNoTracking().Select(r => new { r.Role, r.Permission, r.Granted }).ToListAsync(cancellationToken);
        var matrix = PermissionMatrix.From(rows.Select(r => (r.Role, r.Permission, r.Granted)));
        _cache.Set(tenant.Id, matrix, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Expiry });
        return matrix;
    }

    public async Task SaveAsync(TenantInfo tenant, PermissionMatrix matrix, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        var stored = await db.RolePermissions.ToDictionaryAsync(r => (r.Role, r.Permission), cancellationToken);
        foreach (var (role, permission, granted) in matrix.Choices())
        {
            if (stored.TryGetValue((role, permission), out var row))
                row.Granted = granted;
            else
                db.RolePermissions.Add(new RolePermissionGrant { Role = role, Permission = permission, Granted = granted });
        }
        await db.SaveChangesAsync(cancellationToken);
        _cache.Remove(tenant.Id);
    }

    public void Dispose() => _cache.Dispose();
}
