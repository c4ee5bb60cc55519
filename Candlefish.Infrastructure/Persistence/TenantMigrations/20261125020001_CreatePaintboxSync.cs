using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Paintbox sync (issue 6, "Sync"): each tenant's vendor connections (Salesforce, CompanyCam; the secret encrypted by
/// the data-protection key ring) and each estimate's sync state per vendor. Row-level security on both, created with
/// them. Infrastructure/Paintbox/Sync/SyncConfiguration.cs maps the same.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125020001_CreatePaintboxSync")]
public sealed class CreatePaintboxSync : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "vendor_connections",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                vendor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                base_url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                client_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                protected_secret = table.Column<string>(type: "text", nullable: false),
                secret_hint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                last_tested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_test_result = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_vendor_connections", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_vendor_connections_tenant_id_vendor", table: "vendor_connections", columns: ["tenant_id", "vendor"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("vendor_connections");

        migrationBuilder.CreateTable(
            name: "estimate_syncs",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                estimate_id = table.Column<Guid>(type: "uuid", nullable: false),
                vendor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                payload = table.Column<string>(type: "text", nullable: false),
                payload_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                synced_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                external_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                attempts = table.Column<int>(type: "integer", nullable: false),
                last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                source_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_estimate_syncs", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_estimate_syncs_tenant_id_estimate_id_vendor", table: "estimate_syncs",
            columns: ["tenant_id", "estimate_id", "vendor"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_estimate_syncs_tenant_id_status", table: "estimate_syncs", columns: ["tenant_id", "status"]);
        migrationBuilder.EnableTenantRowLevelSecurity("estimate_syncs");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "estimate_syncs");
        migrationBuilder.DropTable(name: "vendor_connections");
    }
}
