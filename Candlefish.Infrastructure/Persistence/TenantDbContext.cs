using System.Reflection;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Tenancy;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Email;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// The one EF model for every tenant's data. It has no schema: where the tables are is decided by the
/// connection (its search path, or its database), never by a model per schema. Every entity is tenant-owned:
/// <c>tenant_id</c> is stamped on insert and filtered by a query filter that reads <see cref="TenantId"/> from
/// this instance, and row-level security enforces the same rule in PostgreSQL. The tenant's users (ASP.NET Core
/// Identity) are tenant data too.
/// </summary>
public sealed class TenantDbContext
    : IdentityUserContext<CandlefishUser, Guid, CandlefishUserClaim, CandlefishUserLogin, CandlefishUserToken>
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    private System.Data.Common.DbConnection? _leased;

    /// <summary>One constructor, as the context pool requires: the factory then leases it (<see cref="Lease"/>).</summary>
    public TenantDbContext(DbContextOptions<TenantDbContext> options) : base(options) { }

    /// <summary>A context outside the pool (migrations, seeding, tests) on the connection its options carry.</summary>
    public static TenantDbContext For(DbContextOptions<TenantDbContext> options, Guid tenantId) => new(options) { TenantId = tenantId };

    /// <summary>The tenant this context reads and writes for.</summary>
    public Guid TenantId { get; private set; }

    private TenantSession? _session;
    private bool _sessionApplied;

    /// <summary>
    /// Points a pooled context at a tenant and an open connection of the tenant's database; the connection's session
    /// settings go out with its first command (<see cref="TenantSessionInterceptor"/>). Disposing the context closes it.
    /// </summary>
    internal void Lease(Guid tenantId, System.Data.Common.DbConnection connection, TenantSession session)
    {
        TenantId = tenantId;
        _leased = connection;
        _session = session;
        _sessionApplied = false;
        Database.SetDbConnection(connection, contextOwnsConnection: false);
    }

    /// <summary>The settings the connection still needs, or null when they are in place (or it is not a leased context).</summary>
    internal TenantSession? PendingSession => _sessionApplied ? null : _session;

    internal void SessionApplied() => _sessionApplied = true;

    /// <summary>
    /// A failed command or a rolled-back transaction may have taken the settings with it (set_config is
    /// transactional): send them again before the next command. Re-sending is harmless.
    /// </summary>
    internal void SessionMayBeLost() => _sessionApplied = false;

    public override void Dispose()
    {
        _leased?.Dispose();
        _leased = null;
        _session = null;
        base.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_leased is not null)
            await _leased.DisposeAsync();
        _leased = null;
        _session = null;
        await base.DisposeAsync();
    }

    public DbSet<Domain.Platform.Locations.Location> Locations => Set<Domain.Platform.Locations.Location>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<RolePermissionGrant> RolePermissions => Set<RolePermissionGrant>();
    public DbSet<Domain.Platform.Settings.BusinessSettings> BusinessSettings => Set<Domain.Platform.Settings.BusinessSettings>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    // Crown Trophy (configured in Infrastructure/CrownTrophy/<feature>); an aggregate's children load through its root.
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<EngravingOption> EngravingOptions => Set<EngravingOption>();
    public DbSet<PriceGroup> PriceGroups => Set<PriceGroup>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Proof> Proofs => Set<Proof>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Stocktake> Stocktakes => Set<Stocktake>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();

    // Paintbox (configured in Infrastructure/Paintbox/PaintboxModel.cs).
    public DbSet<Domain.Paintbox.Clients.Client> Clients => Set<Domain.Paintbox.Clients.Client>();
    public DbSet<Domain.Paintbox.PriceBooks.PriceBookVersion> PriceBookVersions => Set<Domain.Paintbox.PriceBooks.PriceBookVersion>();
    public DbSet<Domain.Paintbox.Estimates.Estimate> Estimates => Set<Domain.Paintbox.Estimates.Estimate>();
    public DbSet<Domain.Paintbox.Estimates.EstimateVersion> EstimateVersions => Set<Domain.Paintbox.Estimates.EstimateVersion>();
    public DbSet<Domain.Paintbox.Proposals.ProposalSettings> ProposalSettings => Set<Domain.Paintbox.Proposals.ProposalSettings>();
    public DbSet<Domain.Paintbox.Proposals.ProposalLink> ProposalLinks => Set<Domain.Paintbox.Proposals.ProposalLink>();
    public DbSet<Domain.Paintbox.Proposals.ProposalDecision> ProposalDecisions => Set<Domain.Paintbox.Proposals.ProposalDecision>();

    // Paintbox sync (configured in Infrastructure/Paintbox/Sync).
    public DbSet<Domain.Paintbox.Sync.VendorConnection> VendorConnections => Set<Domain.Paintbox.Sync.VendorConnection>();
    public DbSet<Domain.Paintbox.Sync.EstimateSync> EstimateSyncs => Set<Domain.Paintbox.Sync.EstimateSync>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables, renamed by Platform/Access/AccessConfiguration
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
    /// <summary>Options with no connection, for the context pool: each lease brings its tenant's connection.</summary>
    public static DbContextOptions<TenantDbContext> ForPool() =>
        Common(new DbContextOptionsBuilder<TenantDbContext>()
            .UseNpgsql()
            .AddInterceptors(TenantSessionInterceptor.Instance, TenantSessionTransactionInterceptor.Instance, TenantSessionConnectionInterceptor.Instance)
            // A leased context serves one request or one circuit operation, never two threads at once.
            .EnableThreadSafetyChecks(false)).Options;

    public static DbContextOptions<TenantDbContext> For(System.Data.Common.DbConnection connection, bool contextOwnsConnection, string? historySchema = null) =>
        Common(new DbContextOptionsBuilder<TenantDbContext>()
            .UseNpgsql(connection, contextOwnsConnection, npgsql =>
            {
                // The model has no schema, so name the history table's schema explicitly, else Npgsql looks
                // for it in public and a second migrate tries to create everything again (efcore.pg #3180).
                if (historySchema is not null)
                    npgsql.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable, historySchema);
            })).Options;

    private static DbContextOptionsBuilder<TenantDbContext> Common(DbContextOptionsBuilder<TenantDbContext> builder) =>
        builder.ConfigureWarnings(w => w
            // Hand-written migrations without a snapshot; TenantMigrationDriftTests keeps them equal to the model.
            .Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)
            // A context per tenant database must never mean an EF service provider per tenant database.
            .Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning));
}
