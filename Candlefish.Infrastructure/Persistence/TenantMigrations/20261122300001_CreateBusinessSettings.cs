using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>The owner's settings of the business (logo, customer self-registration). Written by hand; RLS with the table.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261122300001_CreateBusinessSettings")]
public sealed class CreateBusinessSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "business_settings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                allow_customer_registration = table.Column<bool>(type: "boolean", nullable: false),
                logo_file = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_business_settings", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_business_settings_tenant_id", table: "business_settings", column: "tenant_id", unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("business_settings");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "business_settings");
}
