using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.Access;

/// <summary>Each tenant's permission matrix, read on every authorization check and so cached per tenant.</summary>
public sealed class PermissionMatrixStore(TenantDbContextFactory contexts) : IDisposable
{
    private readonly TenantCache<PermissionMatrix> _cache = new();

    public ValueTask<PermissionMatrix> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default) =>
        _cache.GetOrLoadAsync(tenant.Id, async ct =>
        {
            await using var db = await contexts.CreateAsync(tenant, ct);
            var rows = await db.RolePermissions.AsNoTracking().Select(r => new { r.Role, r.Permission, r.Granted }).ToListAsync(ct);
            return PermissionMatrix.From(rows.Select(r => (r.Role, r.Permission, r.Granted)));
        }, cancellationToken);

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
        _cache.Invalidate(tenant.Id);
    }

    public void Dispose() => _cache.Dispose();
}
