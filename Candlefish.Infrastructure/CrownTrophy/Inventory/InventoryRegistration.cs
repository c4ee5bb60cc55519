using Candlefish.Infrastructure.CrownTrophy.Purchasing;
using Candlefish.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

public static class InventoryRegistration
{
    /// <summary>Crown Trophy's stock, transfers, stocktakes, purchase orders and the reorder points job (hourly, on the hour).</summary>
    public static IHostApplicationBuilder AddCrownTrophyInventory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<StockService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<StocktakeService>();
        services.AddSingleton<PurchaseOrderService>();
        return builder.AddTenantJob<ReorderPointsJob>(ReorderPointsJob.Name, JobSchedule.Hourly);
    }
}
