using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Candlefish.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers what Infrastructure owns: the catalog database, the tenant store and accessor, migrations, the demo seed.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TenantStoreOptions>()
            .Bind(builder.Configuration.GetSection("Candlefish:TenantStore"))
            .Validate(o => o.CacheDuration > TimeSpan.Zero && o.CacheDuration <= TimeSpan.FromMinutes(10),
                "Candlefish:TenantStore:CacheDuration must be between 0 and 10 minutes.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Catalog;
            var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "catalog" }.Build();
            return new CatalogDataSource(dataSource);
        });
        services.AddPooledDbContextFactory<CatalogDbContext>((sp, options) =>
            ((DbContextOptionsBuilder<CatalogDbContext>)options).UseCandlefishCatalog(sp.GetRequiredService<CatalogDataSource>().DataSource));

        services.AddSingleton<TenantContextAccessor>();
        services.AddSingleton<ITenantContext>(sp => sp.GetRequiredService<TenantContextAccessor>());
        services.AddSingleton<ITenantStore, CachedTenantStore>();
        services.AddSingleton<TenantCatalog>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DemoSeeder>();

        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        return builder;
    }
}
