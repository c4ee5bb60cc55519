using Candlefish.Infrastructure.Documents;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Files;
using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Candlefish.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers what Infrastructure owns: the data sources, the catalog, the tenant store and accessor, the tenant
    /// DbContext factory, migrations, provisioning, the demo seed, documents (PDF) and the job scheduler.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        builder.AddValidatedOptions<TenantStorageOptions>(TenantStorageOptions.Section);
        builder.AddValidatedOptions<TenantStoreOptions>("Candlefish:TenantStore")
            .Validate(o => o.CacheDuration > TimeSpan.Zero && o.CacheDuration <= TimeSpan.FromMinutes(10),
                "Candlefish:TenantStore:CacheDuration must be between 0 and 10 minutes.");

        builder.AddValidatedOptions<FileStorageOptions>(FileStorageOptions.Section)
            // A relative data folder is under the content root, not wherever the process was started from.
            .PostConfigure(o => o.Root = Path.GetFullPath(o.Root, builder.Environment.ContentRootPath));

        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<TenantDataSources>();
        services.AddPooledDbContextFactory<CatalogDbContext>((sp, options) =>
            ((DbContextOptionsBuilder<CatalogDbContext>)options).UseCandlefishCatalog(sp.GetRequiredService<TenantDataSources>().Platform));
        services.AddSingleton<TenantDbContextFactory>();

        services.AddSingleton<TenantContextAccessor>();
        services.AddSingleton<ITenantContext>(sp => sp.GetRequiredService<TenantContextAccessor>());
        services.AddSingleton<ITenantStore, CachedTenantStore>();
        services.AddSingleton<TenantCatalog>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<CrownTrophy.CrownTrophyDemo>();
        services.AddSingleton<Platform.Support.SupportSessions>();
        services.TryAddSingleton<IProvisioningStepHook, NoProvisioningStepHook>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<IFileStore, LocalDiskFileStore>();
        services.AddSingleton<BusinessSettingsStore>();
        services.AddSingleton<Platform.ApiKeys.ApiKeyService>();
        services.AddSingleton<CrownTrophy.Portal.CustomerPortal>();
        services.AddSingleton<CrownTrophy.Portal.PortalOrdering>();

        builder.AddValidatedOptions<Platform.Email.SmtpOptions>(Platform.Email.SmtpOptions.Section);
        services.AddSingleton<Platform.Email.OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Platform.Email.OutboxSender>());

        // One key ring for every instance, in the catalog: cookies survive restarts and load balancing.
        services.AddDataProtection().SetApplicationName("candlefish");
        services.AddSingleton<Platform.DataProtection.CatalogXmlRepository>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Platform.DataProtection.CatalogXmlRepository>((options, repository) => options.XmlRepository = repository);
        services.AddSingleton<StaffConsole>();
        services.AddSingleton<Platform.Audit.AuditLog>();

        // Crown Trophy orders and proofs (issue 5): the one way pages, the portal and the API change them.
        services.AddSingleton<CrownTrophy.Orders.OrderService>();
        services.AddSingleton<CrownTrophy.Proofs.ProofService>();
        services.AddSingleton<CrownTrophy.Orders.OrderExport>();
        services.AddSingleton<CrownTrophy.CrownTrophyDashboard>();
        // Crown Trophy: catalog, price groups and customers.
        CrownTrophy.Catalog.CatalogRegistration.AddCrownTrophyCatalog(services);
        // Paintbox: clients, price books and estimates (issue 6).
        Paintbox.PaintboxRegistration.AddPaintbox(services);

        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        builder.AddDocuments();
        builder.AddJobs();

        CrownTrophy.Inventory.InventoryRegistration.AddCrownTrophyInventory(builder);
        // Paintbox: sync to Salesforce and CompanyCam.
        Paintbox.Sync.SyncRegistration.AddPaintboxSync(builder);
        return builder;
    }
}
