using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

/// <summary>What a person types for a vendor.</summary>
public sealed record VendorInput(string Name, string? ContactName, string? Email, string? Phone, int LeadTimeDays, decimal FreightMinimum);

/// <summary>The current tenant's vendors: the suppliers its products and purchase orders name.</summary>
public sealed class VendorService(TenantDbContextFactory contexts, TimeProvider clock)
{
    private static readonly Conflict[] Conflicts =
    [
        new("ux_vendors_tenant_id_name", nameof(Vendor.Name), "Another vendor has this name."),
        // Products lose their vendor (SET NULL); purchase orders keep the vendor they were sent to.
        new("fk_purchase_orders_vendors", "", "This vendor has purchase orders, so it stays; its products can move to another vendor."),
    ];

    public async Task<List<Vendor>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken);
    }

    public Task<Vendor> SaveAsync(Guid? id, VendorInput input, CancellationToken cancellationToken = default) =>
        Edits.SaveAsync(contexts, id,
            () => Vendor.Create(input.Name, input.ContactName, input.Email, input.Phone, input.LeadTimeDays, input.FreightMinimum, clock.GetUtcNow()),
            v => v.Update(input.Name, input.ContactName, input.Email, input.Phone, input.LeadTimeDays, input.FreightMinimum),
            "This vendor was deleted meanwhile.", Conflicts, cancellationToken);

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        Edits.DeleteAsync<Vendor>(contexts, id, "This vendor was deleted meanwhile.", Conflicts, cancellationToken);
}
