using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Tenancy.Migrations;

/// <summary>The shared data-protection key ring (written by hand; CatalogMigrationDriftTests keeps it equal to the model).</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261122300001_CreateDataProtectionKeys")]
public sealed class CreateDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            schema: CatalogDbContext.Schema,
            columns: table => new
            {
                friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                xml = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.friendly_name));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "data_protection_keys", schema: CatalogDbContext.Schema);
}
