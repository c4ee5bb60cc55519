using Candlefish.Infrastructure.CrownTrophy.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

public static class CatalogRegistration
{
    /// <summary>
    /// The Crown Trophy catalog's and customers' application services. Singletons: each call opens a short-lived
    /// context of the current tenant, so one instance serves every request and circuit.
    /// </summary>
    public static IServiceCollection AddCrownTrophyCatalog(this IServiceCollection services) =>
        services
            .AddSingleton<VendorService>()
            .AddSingleton<EngravingOptionService>()
            .AddSingleton<PriceGroupService>()
            .AddSingleton<ProductService>()
            .AddSingleton<CatalogWorkbook>()
            .AddSingleton<CustomerService>();
}
