using Candlefish.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>
/// The demo catalog for a fresh machine: acme (Crown Trophy), kindhome (Paintbox, Database tier) and
/// encore (PromoterOS). Seeds only an empty catalog, so it never touches real data.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<CatalogDbContext> contexts, TenantCatalog catalog, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<NewTenant> Tenants =
    [
        new("acme", "Acme Trophies & Awards", IsolationTier.Schema, Products.CrownTrophy, "America/Chicago", "USD"),
        new("kindhome", "Kind Home Painting", IsolationTier.Database, Products.Paintbox, "America/Denver", "USD"),
        new("encore", "Encore Presents", IsolationTier.Schema, Products.PromoterOS, "America/New_York", "USD"),
    ];

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
        {
            await catalog.CreateAsync(tenant, cancellationToken);
            await catalog.ActivateAsync(tenant.Identifier, cancellationToken);
        }
        logger.LogInformation("Seeded the demo tenants {Tenants}", Tenants.Select(t => t.Identifier));
        return true;
    }
}
