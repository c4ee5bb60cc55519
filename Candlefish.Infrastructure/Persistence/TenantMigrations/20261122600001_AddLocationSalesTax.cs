using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Each location's sales tax rate (issue 5: tax per location), which Crown Trophy's pricing charges on an order.
/// Existing locations, and any row written without one, have 0% until the owner sets it (the model's default too).
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261122600001_AddLocationSalesTax")]
public sealed class AddLocationSalesTax : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<decimal>(name: "sales_tax_percent", table: "locations", type: "numeric(6,3)", precision: 6, scale: 3,
            nullable: false, defaultValue: 0m);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "sales_tax_percent", table: "locations");
}
