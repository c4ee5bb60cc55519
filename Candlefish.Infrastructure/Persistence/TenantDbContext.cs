using System.Reflection;
using Candlefish.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// The one EF model for every tenant's data. It has no schema: where the tables are is decided by the
/// connection (its search path, or its database), never by a model per schema. Every entity is tenant-owned:
/// <c>tenant_id</c> is stamped on insert and filtered by a query filter that reads <see cref="TenantId"/> from
/// this instance, and row-level security enforces the same rule in PostgreSQL.
/// </summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options, Guid tenantId) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>The tenant this context reads and writes for.</summary>
    public Guid TenantId { get; } = tenantId;

    public DbSet<Domain.Platform.Locations.Location> Locations => Set<Domain.Platform.Locations.Location>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature folder configures its entities; the catalog's context configures its own inline.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TenantDbContext).Assembly);

        var applyTenantRules = typeof(TenantDbContext).GetMethod(nameof(ApplyTenantRules), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList())
            applyTenantRules.MakeGenericMethod(entity.ClrType).Invoke(this, [modelBuilder]);
    }

    private void ApplyTenantRules<TEntity>(ModelBuilder modelBuilder) where TEntity : class, ITenantOwned
    {
        var entity = modelBuilder.Entity<TEntity>();
        entity.Property(e => e.TenantId).HasColumnName("tenant_id").HasColumnType("text")
            .HasConversion(id => id.ToString(), text => Guid.Parse(text));
        // EF parameterizes the reference to this instance's TenantId: the cached model holds no tenant.
        entity.HasQueryFilter(e => e.TenantId == TenantId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampTenant()
    {
        if (TenantId == Guid.Empty)
            throw new InvalidOperationException("This context has no tenant; it cannot write tenant data.");
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            var tenantId = entry.Property(e => e.TenantId);
            if (entry.State == EntityState.Added && tenantId.CurrentValue == Guid.Empty)
                tenantId.CurrentValue = TenantId;
            else if (entry.State is EntityState.Added or EntityState.Modified && tenantId.CurrentValue != TenantId)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be written by this tenant.");
        }
    }
}

/// <summary>The one way to configure a tenant DbContext's options (requests, jobs, migrations, tests).</summary>
public static class TenantDbContextOptions
{
    public static DbContextOptions<TenantDbContext> For(System.Data.Common.DbConnection connection, bool contextOwnsConnection, string? historySchema = null) =>
        new DbContextOptionsBuilder<TenantDbContext>()
            .UseNpgsql(connection, contextOwnsConnection, npgsql =>
            {
                // The model has no schema, so name the history table's schema explicitly, else Npgsql looks
                // for it in public and a second migrate tries to create everything again (efcore.pg #3180).
                if (historySchema is not null)
                    npgsql.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable, historySchema);
            })
            .ConfigureWarnings(w => w
                // Hand-written migrations without a snapshot; TenantMigrationDriftTests keeps them equal to the model.
                .Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)
                // A context per tenant database must never mean an EF service provider per tenant database.
                .Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning))
            .Options;
}
