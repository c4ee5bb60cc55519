using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Paintbox proposals (issue 6): the tenant's deposit and terms, the links sent to clients (only their tokens' SHA-256)
/// and the clients' answers. Written by hand; row-level security on every table, created with it. TenantMigrationDriftTests
/// keeps it equal to the model (Infrastructure/Paintbox/Proposals/ProposalConfiguration.cs).
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261125030001_CreatePaintboxProposals")]
public sealed class CreatePaintboxProposals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "proposal_settings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                deposit_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_proposal_settings", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_proposal_settings_tenant_id", table: "proposal_settings", column: "tenant_id", unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("proposal_settings");

        migrationBuilder.CreateTable(
            name: "proposal_links",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                estimate_id = table.Column<Guid>(type: "uuid", nullable: false),
                token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                sent_to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                sent_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                sent_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_proposal_links", x => x.id);
                table.ForeignKey("fk_proposal_links_estimates", x => x.estimate_id, "estimates", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_proposal_links_estimate_id", table: "proposal_links", column: "estimate_id");
        migrationBuilder.CreateIndex(name: "ux_proposal_links_token_hash", table: "proposal_links", column: "token_hash", unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("proposal_links");

        migrationBuilder.CreateTable(
            name: "proposal_decisions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                estimate_id = table.Column<Guid>(type: "uuid", nullable: false),
                link_id = table.Column<Guid?>(type: "uuid", nullable: true),
                answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                option_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                option_final_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                deposit_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                deposit_due = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                signed_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_proposal_decisions", x => x.id);
                table.ForeignKey("fk_proposal_decisions_estimates", x => x.estimate_id, "estimates", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_proposal_decisions_proposal_links", x => x.link_id, "proposal_links", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "ix_proposal_decisions_estimate_id_decided_at", table: "proposal_decisions", columns: ["estimate_id", "decided_at"]);
        migrationBuilder.CreateIndex(name: "ix_proposal_decisions_link_id", table: "proposal_decisions", column: "link_id");
        migrationBuilder.EnableTenantRowLevelSecurity("proposal_decisions");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "proposal_decisions");
        migrationBuilder.DropTable(name: "proposal_links");
        migrationBuilder.DropTable(name: "proposal_settings");
    }
}
