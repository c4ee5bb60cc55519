using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Written by hand (no EF design-time package here). No schema anywhere: the tables land in the schema the
/// connection's search path names. Row-level security is created with the table.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261122100001_CreateLocations")]
public sealed class CreateLocations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "locations",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_locations", x => x.id));

        migrationBuilder.CreateIndex(name: "ix_locations_tenant_id_name", table: "locations", columns: ["tenant_id", "name"]);
        migrationBuilder.EnableTenantRowLevelSecurity("locations");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "locations");
}
