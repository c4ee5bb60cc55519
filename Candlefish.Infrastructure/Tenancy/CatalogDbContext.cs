using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>
/// The tenant catalog: one row per tenant in the <c>platform</c> schema. It is global data (not
/// tenant-owned) and has its own context, separate from the tenant data model.
/// </summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Platform.DataProtection.DataProtectionKey> DataProtectionKeys => Set<Platform.DataProtection.DataProtectionKey>();
    public DbSet<Platform.Support.SupportSession> SupportSessions => Set<Platform.Support.SupportSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        var tenant = modelBuilder.Entity<Tenant>();
        tenant.ToTable("tenants", t =>
        {
            // The same rule as TenantIdentifier.Validate, kept in the database so no path around the domain can break it.
            t.HasCheckConstraint("ck_tenants_identifier", "identifier ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' AND length(identifier) <= 40");
            t.HasCheckConstraint("ck_tenants_state", "state IN ('provisioning', 'active', 'suspended', 'deleted')");
            t.HasCheckConstraint("ck_tenants_tier", "tier IN ('schema', 'database')");
        });
        tenant.HasKey(t => t.Id).HasName("pk_tenants");
        tenant.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        tenant.Property(t => t.Identifier).HasColumnName("identifier").HasMaxLength(TenantIdentifier.MaxLength);
        tenant.Property(t => t.DisplayName).HasColumnName("display_name").HasMaxLength(Tenant.DisplayNameMaxLength);
        tenant.Property(t => t.State).HasColumnName("state").HasMaxLength(20)
            .HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<TenantState>(s, true));
        tenant.Property(t => t.Tier).HasColumnName("tier").HasMaxLength(20)
            .HasConversion(t => t.ToString().ToLowerInvariant(), t => Enum.Parse<IsolationTier>(t, true));
        tenant.Property(t => t.DatabaseTarget).HasColumnName("database_target").HasMaxLength(500);
        tenant.Property(t => t.Products).HasColumnName("products").HasColumnType("text[]")
            .HasConversion(
                p => p.Each().Select(x => x.ToString()).ToArray(),
                names => names.Select(Enum.Parse<Products>).Combine(),
                new ValueComparer<Products>((a, b) => a == b, p => (int)p));
        tenant.Property(t => t.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
        tenant.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength();
        tenant.Property(t => t.CreatedAt).HasColumnName("created_at");
        tenant.Property(t => t.UpdatedAt).HasColumnName("updated_at");

        // A deleted tenant keeps its row (for audit) but frees its identifier.
        tenant.HasIndex(t => t.Identifier).IsUnique().HasFilter("state <> 'deleted'").HasDatabaseName("ux_tenants_identifier_live");

        var key = modelBuilder.Entity<Platform.DataProtection.DataProtectionKey>();
        key.ToTable("data_protection_keys");
        key.HasKey(k => k.FriendlyName).HasName("pk_data_protection_keys");
        key.Property(k => k.FriendlyName).HasColumnName("friendly_name").HasMaxLength(200);
        key.Property(k => k.Xml).HasColumnName("xml");
        key.Property(k => k.CreatedAt).HasColumnName("created_at");

        var support = modelBuilder.Entity<Platform.Support.SupportSession>();
        support.ToTable("support_sessions");
        support.HasKey(s => s.Id).HasName("pk_support_sessions");
        support.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        support.Property(s => s.TenantId).HasColumnName("tenant_id");
        support.Property(s => s.StaffUserId).HasColumnName("staff_user_id");
        support.Property(s => s.StaffEmail).HasColumnName("staff_email").HasMaxLength(256);
        support.Property(s => s.StaffName).HasColumnName("staff_name").HasMaxLength(120);
        support.Property(s => s.Reason).HasColumnName("reason").HasMaxLength(500);
        support.Property(s => s.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
        support.Property(s => s.CreatedAt).HasColumnName("created_at");
        support.Property(s => s.OpenedAt).HasColumnName("opened_at");
        support.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        support.Property(s => s.EndedAt).HasColumnName("ended_at");
        support.HasIndex(s => s.TokenHash).IsUnique().HasDatabaseName("ux_support_sessions_token_hash");
        support.HasIndex(s => new { s.TenantId, s.CreatedAt }).HasDatabaseName("ix_support_sessions_tenant_id_created_at");

        // Configured here, not by an IEntityTypeConfiguration: the tenant model applies every configuration in
        // this assembly, and the audit log is catalog data, not tenant data.
        var audit = modelBuilder.Entity<AuditEntry>();
        audit.ToTable("audit_entries");
        audit.HasKey(a => a.Id).HasName("pk_audit_entries");
        audit.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        audit.Property(a => a.OccurredAt).HasColumnName("occurred_at");
        audit.Property(a => a.ActorId).HasColumnName("actor_id");
        audit.Property(a => a.ActorEmail).HasColumnName("actor_email").HasMaxLength(AuditEntry.ActorMaxLength);
        audit.Property(a => a.ActorName).HasColumnName("actor_name").HasMaxLength(AuditEntry.ActorMaxLength);
        audit.Property(a => a.Action).HasColumnName("action").HasMaxLength(AuditEntry.ActionMaxLength);
        // No foreign key to tenants: the log outlives any row it names and must not block a change to it.
        audit.Property(a => a.TenantId).HasColumnName("tenant_id");
        audit.Property(a => a.TenantIdentifier).HasColumnName("tenant_identifier").HasMaxLength(TenantIdentifier.MaxLength);
        audit.Property(a => a.Before).HasColumnName("before").HasColumnType("jsonb");
        audit.Property(a => a.After).HasColumnName("after").HasColumnType("jsonb");
        // The two ways the log is read: everything newest first, and one tenant's entries newest first.
        audit.HasIndex(a => a.OccurredAt).HasDatabaseName("ix_audit_entries_occurred_at");
        audit.HasIndex(a => new { a.TenantIdentifier, a.OccurredAt }).HasDatabaseName("ix_audit_entries_tenant_identifier_occurred_at");
    }
}
