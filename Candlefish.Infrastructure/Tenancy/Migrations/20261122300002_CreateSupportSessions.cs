using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Tenancy.Migrations;

/// <summary>Staff support sessions (written by hand; CatalogMigrationDriftTests keeps it equal to the model).</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261122300002_CreateSupportSessions")]
public sealed class CreateSupportSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "support_sessions",
            schema: CatalogDbContext.Schema,
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                staff_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                staff_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                staff_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_support_sessions", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_support_sessions_token_hash", schema: CatalogDbContext.Schema, table: "support_sessions", column: "token_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_support_sessions_tenant_id_created_at", schema: CatalogDbContext.Schema, table: "support_sessions", columns: ["tenant_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "support_sessions", schema: CatalogDbContext.Schema);
}
