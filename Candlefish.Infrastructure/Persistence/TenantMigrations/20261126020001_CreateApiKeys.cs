using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>The tenant's API keys (only the SHA-256 of each secret). Written by hand; RLS with the table.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261126020001_CreateApiKeys")]
public sealed class CreateApiKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                key_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_api_keys", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_api_keys_key_id", table: "api_keys", column: "key_id", unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("api_keys");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "api_keys");
}
