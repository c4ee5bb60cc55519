using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>
/// The demo for a fresh machine: acme (Crown Trophy) and encore (PromoterOS) in the Schema tier, kindhome
/// (Paintbox) in the Database tier, each with a few locations. Seeds only an empty catalog, never real data; then
/// <see cref="SeedProductDataAsync"/> gives each demo tenant its products' data.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<CatalogDbContext> contexts, TenantProvisioner provisioner, ITenantStore store, CrownTrophyDemo crownTrophy, Paintbox.PaintboxDemo paintbox,
    ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<NewTenant> Tenants =
    [
        new("acme", "Acme Trophies & Awards", IsolationTier.Schema, Products.CrownTrophy, "America/Chicago", "USD"),
        new("kindhome", "Kind Home Painting", IsolationTier.Database, Products.Paintbox, "America/Denver", "USD"),
        new("encore", "Encore Presents", IsolationTier.Schema, Products.PromoterOS, "America/New_York", "USD"),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<NewLocation>> Locations = new Dictionary<string, IReadOnlyList<NewLocation>>
    {
        ["acme"] =
        [
            new("Acme Downtown", "120 W Madison St", "Chicago", "IL", "60602", "+1 312 555 0140"),
            new("Acme Naperville", "1520 N Naper Blvd", "Naperville", "IL", "60563", "+1 630 555 0117"),
            new("Acme Milwaukee", "733 N Water St", "Milwaukee", "WI", "53202", "+1 414 555 0190"),
        ],
        ["kindhome"] =
        [
            new("Kind Home Denver", "1801 Wynkoop St", "Denver", "CO", "80202", "+1 303 555 0162"),
            new("Kind Home Boulder", "2440 Pearl St", "Boulder", "CO", "80302", "+1 720 555 0133"),
        ],
        ["encore"] =
        [
            new("Encore Box Office", "1 Lincoln Center Plaza", "New York", "NY", "10023", "+1 212 555 0108"),
            new("The Bowery Room", "6 Delancey St", "New York", "NY", "10002", "+1 212 555 0175"),
            new("Encore Philadelphia", "1 S Broad St", "Philadelphia", "PA", "19107", "+1 215 555 0121", "America/New_York"),
        ],
    };

    /// <returns>True when the demo was seeded, false when the catalog already held tenants.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Tenants.AnyAsync(cancellationToken))
            {
                logger.LogInformation("The catalog already has tenants; the demo is not seeded");
                return false;
            }
        }

        foreach (var tenant in Tenants)
            await provisioner.ProvisionAsync(tenant, Locations[tenant.Identifier], cancellationToken: cancellationToken);
        logger.LogInformation("Seeded the demo tenants {Tenants}", string.Join(", ", Tenants.Select(t => t.Identifier)));
        return true;
    }

    /// <summary>
    /// The data of each demo tenant's products (Crown Trophy: <see cref="CrownTrophyDemo"/>, Paintbox: <see cref="Paintbox.PaintboxDemo"/>), added where missing, so a
    /// local database made before a product had data gets it too. Only for tenants the caller has checked are the demo's.
    /// </summary>
    public async Task SeedProductDataAsync(IEnumerable<string> identifiers, CancellationToken cancellationToken = default)
    {
        foreach (var identifier in identifiers)
        {
            if (await store.FindAsync(identifier, cancellationToken) is not { IsActive: true } tenant)
                continue;
            if (tenant.HasProduct(Products.CrownTrophy))
                await crownTrophy.SeedAsync(tenant, cancellationToken);
            if (tenant.HasProduct(Products.Paintbox))
                await paintbox.SeedAsync(tenant, cancellationToken);
        }
    }
}
