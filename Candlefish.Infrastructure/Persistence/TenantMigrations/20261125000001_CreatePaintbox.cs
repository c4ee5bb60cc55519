using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Paintbox's clients, price-book versions and estimates with their status history and input versions (issue 6).
/// Written by hand, in foreign-key order; row-level security on every table, created with it. TenantMigrationDriftTests
/// keeps it equal to the model (Infrastructure/Paintbox/PaintboxModel.cs).
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125000001_CreatePaintbox")]
public sealed class CreatePaintbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "clients",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                service_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                billing_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                lead_source = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                salesforce_account_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                salesforce_contact_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_clients", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_clients_tenant_id_name", table: "clients", columns: ["tenant_id", "name"]);
        migrationBuilder.EnableTenantRowLevelSecurity("clients");

        migrationBuilder.CreateTable(
            name: "client_contacts",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                client_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                role = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_client_contacts", x => x.id);
                table.ForeignKey("fk_client_contacts_clients", x => x.client_id, "clients", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_client_contacts_client_id", table: "client_contacts", column: "client_id");
        migrationBuilder.EnableTenantRowLevelSecurity("client_contacts");

        migrationBuilder.CreateTable(
            name: "price_book_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                book = table.Column<string>(type: "jsonb", nullable: false),
                warranties = table.Column<string>(type: "jsonb", nullable: false),
                note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                created_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_price_book_versions", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_price_book_versions_tenant_id_effective_from", table: "price_book_versions", columns: ["tenant_id", "effective_from"]);
        migrationBuilder.EnableTenantRowLevelSecurity("price_book_versions");

        migrationBuilder.CreateTable(
            name: "estimates",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                client_id = table.Column<Guid>(type: "uuid", nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                property_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                loss_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                inputs = table.Column<string>(type: "jsonb", nullable: false),
                price_book_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                prices = table.Column<string>(type: "jsonb", nullable: false),
                revision = table.Column<int>(type: "integer", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                created_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_estimates", x => x.id);
                table.ForeignKey("fk_estimates_clients", x => x.client_id, "clients", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_estimates_price_book_versions", x => x.price_book_version_id, "price_book_versions", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_estimates_client_id", table: "estimates", column: "client_id");
        migrationBuilder.CreateIndex(name: "ix_estimates_price_book_version_id", table: "estimates", column: "price_book_version_id");
        migrationBuilder.CreateIndex(name: "ix_estimates_tenant_id_status", table: "estimates", columns: ["tenant_id", "status"]);
        migrationBuilder.CreateIndex(name: "ux_estimates_tenant_id_number", table: "estimates", columns: ["tenant_id", "number"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("estimates");

        migrationBuilder.CreateTable(
            name: "estimate_status_changes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                estimate_id = table.Column<Guid>(type: "uuid", nullable: false),
                from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                changed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                changed_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_estimate_status_changes", x => x.id);
                table.ForeignKey("fk_estimate_status_changes_estimates", x => x.estimate_id, "estimates", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_estimate_status_changes_estimate_id_changed_at", table: "estimate_status_changes", columns: ["estimate_id", "changed_at"]);
        migrationBuilder.EnableTenantRowLevelSecurity("estimate_status_changes");

        migrationBuilder.CreateTable(
            name: "estimate_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                estimate_id = table.Column<Guid>(type: "uuid", nullable: false),
                revision = table.Column<int>(type: "integer", nullable: false),
                inputs = table.Column<string>(type: "jsonb", nullable: false),
                saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                saved_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                saved_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_estimate_versions", x => x.id);
                table.ForeignKey("fk_estimate_versions_estimates", x => x.estimate_id, "estimates", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ux_estimate_versions_estimate_id_revision", table: "estimate_versions", columns: ["estimate_id", "revision"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("estimate_versions");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "estimate_versions");
        migrationBuilder.DropTable(name: "estimate_status_changes");
        migrationBuilder.DropTable(name: "estimates");
        migrationBuilder.DropTable(name: "price_book_versions");
        migrationBuilder.DropTable(name: "client_contacts");
        migrationBuilder.DropTable(name: "clients");
    }
}
