using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// A Paintbox client's portal user (issue 6: the customer accepts in the portal): the tenant's customer user who sees the
/// client's proposals, as Crown Trophy's customers.portal_user_id does; one client per user, unlinked when the user goes.
/// The table already has row-level security (20261125000001_CreatePaintbox).
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261126010001_AddClientPortalUser")]
public sealed class AddClientPortalUser : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "portal_user_id", table: "clients", type: "uuid", nullable: true);
        migrationBuilder.CreateIndex(name: "ux_clients_portal_user_id", table: "clients", column: "portal_user_id", unique: true, filter: "portal_user_id IS NOT NULL");
        migrationBuilder.AddForeignKey(name: "fk_clients_users", table: "clients", column: "portal_user_id", principalTable: "users", principalColumn: "id",
            onDelete: ReferentialAction.SetNull);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "fk_clients_users", table: "clients");
        migrationBuilder.DropIndex(name: "ux_clients_portal_user_id", table: "clients");
        migrationBuilder.DropColumn(name: "portal_user_id", table: "clients");
    }
}
