using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Tenancy.Migrations;

/// <summary>The staff audit log. Written by hand (the EF design-time package is not reachable); the drift test keeps it equal to the model.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261122300001_CreateAuditEntries")]
public sealed class CreateAuditEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_entries",
            schema: CatalogDbContext.Schema,
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                actor_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                tenant_identifier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                before = table.Column<string>(type: "jsonb", nullable: true),
                after = table.Column<string>(type: "jsonb", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => x.id));

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_occurred_at",
            schema: CatalogDbContext.Schema,
            table: "audit_entries",
            column: "occurred_at");

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_tenant_identifier_occurred_at",
            schema: CatalogDbContext.Schema,
            table: "audit_entries",
            columns: ["tenant_identifier", "occurred_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "audit_entries", schema: CatalogDbContext.Schema);
}
