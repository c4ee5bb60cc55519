using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Tenancy.Migrations;

/// <summary>Written by hand (the EF design-time package is not reachable); the drift test keeps it equal to the model.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261122000001_CreateTenantCatalog")]
public sealed class CreateTenantCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(CatalogDbContext.Schema);

        migrationBuilder.CreateTable(
            name: "tenants",
            schema: CatalogDbContext.Schema,
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                identifier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                tier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                database_target = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                products = table.Column<string[]>(type: "text[]", nullable: false),
                time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tenants", x => x.id);
                table.CheckConstraint("ck_tenants_identifier", "identifier ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' AND length(identifier) <= 40");
                table.CheckConstraint("ck_tenants_state", "state IN ('provisioning', 'active', 'suspended', 'deleted')");
                table.CheckConstraint("ck_tenants_tier", "tier IN ('schema', 'database')");
            });

        migrationBuilder.CreateIndex(
            name: "ux_tenants_identifier_live",
            schema: CatalogDbContext.Schema,
            table: "tenants",
            column: "identifier",
            unique: true,
            filter: "state <> 'deleted'");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "tenants", schema: CatalogDbContext.Schema);
}
