using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Infrastructure.Paintbox;

public static class PaintboxRegistration
{
    /// <summary>
    /// Paintbox's application services. Singletons: each call opens a short-lived context of the current tenant, so
    /// one instance serves every request and circuit.
    /// </summary>
    public static IServiceCollection AddPaintbox(this IServiceCollection services) =>
        services
            .AddSingleton<ClientService>()
            .AddSingleton<PriceBookService>()
            .AddSingleton<EstimateService>()
            .AddSingleton<EstimateExcelExport>()
            .AddSingleton<Bart.BartEstimateImport>()
            .AddSingleton<ProposalService>()
            .AddSingleton<Portal.ClientPortal>()
            .AddSingleton<PaintboxDemo>();
}
