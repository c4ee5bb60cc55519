using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence.TenantMigrations;

/// <summary>
/// Crown Trophy's data (issue 5): catalog, customers, orders with engraving, proofs, inventory, purchasing. Written by
/// hand, in foreign-key order; row-level security on every table, created with it. TenantMigrationDriftTests keeps it
/// equal to the model (Infrastructure/CrownTrophy/&lt;feature&gt;).
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261122400001_CreateCrownTrophy")]
public sealed class CreateCrownTrophy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Catalog: vendors, price groups, engraving options, products with their quantity breaks and group prices.
        migrationBuilder.CreateTable(
            name: "vendors",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                contact_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                lead_time_days = table.Column<int>(type: "integer", nullable: false),
                freight_minimum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_vendors", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_vendors_tenant_id_name", table: "vendors", columns: ["tenant_id", "name"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("vendors");

        migrationBuilder.CreateTable(
            name: "price_groups",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_price_groups", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_price_groups_tenant_id_name", table: "price_groups", columns: ["tenant_id", "name"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("price_groups");

        migrationBuilder.CreateTable(
            name: "engraving_options",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                price_per_line = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                plate_sizes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_engraving_options", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_engraving_options_tenant_id_name", table: "engraving_options", columns: ["tenant_id", "name"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("engraving_options");

        migrationBuilder.CreateTable(
            name: "products",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                category = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                vendor_id = table.Column<Guid?>(type: "uuid", nullable: true),
                cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                base_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                image_file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                requires_proof = table.Column<bool>(type: "boolean", nullable: false),
                is_active = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_products", x => x.id);
                table.ForeignKey("fk_products_vendors", x => x.vendor_id, "vendors", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "ix_products_tenant_id_category_name", table: "products", columns: ["tenant_id", "category", "name"]);
        migrationBuilder.CreateIndex(name: "ix_products_vendor_id", table: "products", column: "vendor_id");
        migrationBuilder.CreateIndex(name: "ux_products_tenant_id_sku", table: "products", columns: ["tenant_id", "sku"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("products");

        migrationBuilder.CreateTable(
            name: "product_quantity_breaks",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                min_quantity = table.Column<int>(type: "integer", nullable: false),
                unit_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_product_quantity_breaks", x => x.id);
                table.ForeignKey("fk_product_quantity_breaks_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ux_product_quantity_breaks_product_id_min_quantity", table: "product_quantity_breaks", columns: ["product_id", "min_quantity"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("product_quantity_breaks");

        migrationBuilder.CreateTable(
            name: "price_group_prices",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                price_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                unit_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_price_group_prices", x => x.id);
                table.ForeignKey("fk_price_group_prices_price_groups", x => x.price_group_id, "price_groups", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_price_group_prices_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_price_group_prices_product_id", table: "price_group_prices", column: "product_id");
        migrationBuilder.CreateIndex(name: "ux_price_group_prices_price_group_id_product_id", table: "price_group_prices", columns: ["price_group_id", "product_id"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("price_group_prices");

        // Customers and their contacts; a customer may be linked to the portal user who orders for it.
        migrationBuilder.CreateTable(
            name: "customers",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                price_group_id = table.Column<Guid?>(type: "uuid", nullable: true),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                billing_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                portal_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customers", x => x.id);
                table.ForeignKey("fk_customers_price_groups", x => x.price_group_id, "price_groups", "id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("fk_customers_users", x => x.portal_user_id, "users", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "ix_customers_price_group_id", table: "customers", column: "price_group_id");
        migrationBuilder.CreateIndex(name: "ix_customers_tenant_id_organization_name", table: "customers", columns: ["tenant_id", "organization_name"]);
        migrationBuilder.CreateIndex(name: "ux_customers_portal_user_id", table: "customers", column: "portal_user_id", unique: true, filter: "portal_user_id IS NOT NULL");
        migrationBuilder.EnableTenantRowLevelSecurity("customers");

        migrationBuilder.CreateTable(
            name: "customer_contacts",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                role = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_contacts", x => x.id);
                table.ForeignKey("fk_customer_contacts_customers", x => x.customer_id, "customers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_customer_contacts_customer_id", table: "customer_contacts", column: "customer_id");
        migrationBuilder.EnableTenantRowLevelSecurity("customer_contacts");

        // Orders: lines, one engraving row per engraved item, status history, payments.
        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                is_rush = table.Column<bool>(type: "boolean", nullable: false),
                due_date = table.Column<DateOnly?>(type: "date", nullable: true),
                notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                subtotal = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                rush_surcharge = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                tax = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                created_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_orders", x => x.id);
                table.ForeignKey("fk_orders_customers", x => x.customer_id, "customers", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_orders_locations", x => x.location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_orders_customer_id", table: "orders", column: "customer_id");
        migrationBuilder.CreateIndex(name: "ix_orders_location_id", table: "orders", column: "location_id");
        migrationBuilder.CreateIndex(name: "ix_orders_tenant_id_customer_id", table: "orders", columns: ["tenant_id", "customer_id"]);
        migrationBuilder.CreateIndex(name: "ix_orders_tenant_id_status", table: "orders", columns: ["tenant_id", "status"]);
        migrationBuilder.CreateIndex(name: "ux_orders_tenant_id_number", table: "orders", columns: ["tenant_id", "number"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("orders");

        migrationBuilder.CreateTable(
            name: "order_lines",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                requires_proof = table.Column<bool>(type: "boolean", nullable: false),
                quantity = table.Column<int>(type: "integer", nullable: false),
                engraving_option_id = table.Column<Guid?>(type: "uuid", nullable: true),
                engraving_lines_per_item = table.Column<int>(type: "integer", nullable: false),
                unit_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                engraving_per_item = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                line_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                sort_order = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_lines", x => x.id);
                table.ForeignKey("fk_order_lines_engraving_options", x => x.engraving_option_id, "engraving_options", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_order_lines_orders", x => x.order_id, "orders", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_order_lines_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_order_lines_engraving_option_id", table: "order_lines", column: "engraving_option_id");
        migrationBuilder.CreateIndex(name: "ix_order_lines_order_id", table: "order_lines", column: "order_id");
        migrationBuilder.CreateIndex(name: "ix_order_lines_product_id", table: "order_lines", column: "product_id");
        migrationBuilder.EnableTenantRowLevelSecurity("order_lines");

        migrationBuilder.CreateTable(
            name: "order_line_engravings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                order_line_id = table.Column<Guid>(type: "uuid", nullable: false),
                item_number = table.Column<int>(type: "integer", nullable: false),
                lines = table.Column<string[]>(type: "text[]", nullable: false),
                name_list_row = table.Column<int?>(type: "integer", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_line_engravings", x => x.id);
                table.ForeignKey("fk_order_line_engravings_order_lines", x => x.order_line_id, "order_lines", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ux_order_line_engravings_order_line_id_item_number", table: "order_line_engravings", columns: ["order_line_id", "item_number"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("order_line_engravings");

        migrationBuilder.CreateTable(
            name: "order_status_changes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                changed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                changed_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_status_changes", x => x.id);
                table.ForeignKey("fk_order_status_changes_orders", x => x.order_id, "orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_order_status_changes_order_id_changed_at", table: "order_status_changes", columns: ["order_id", "changed_at"]);
        migrationBuilder.EnableTenantRowLevelSecurity("order_status_changes");

        migrationBuilder.CreateTable(
            name: "payments",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                recorded_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_payments", x => x.id);
                table.ForeignKey("fk_payments_orders", x => x.order_id, "orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_payments_order_id", table: "payments", column: "order_id");
        migrationBuilder.EnableTenantRowLevelSecurity("payments");

        // Proof versions and the customer's decisions.
        migrationBuilder.CreateTable(
            name: "proofs",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                version = table.Column<int>(type: "integer", nullable: false),
                file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                size_bytes = table.Column<long>(type: "bigint", nullable: false),
                uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                uploaded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                uploaded_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_proofs", x => x.id);
                table.ForeignKey("fk_proofs_orders", x => x.order_id, "orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_proofs_tenant_id_status", table: "proofs", columns: ["tenant_id", "status"]);
        migrationBuilder.CreateIndex(name: "ux_proofs_order_id_version", table: "proofs", columns: ["order_id", "version"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("proofs");

        migrationBuilder.CreateTable(
            name: "proof_decisions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                proof_id = table.Column<Guid>(type: "uuid", nullable: false),
                decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                decided_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                decided_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_proof_decisions", x => x.id);
                table.ForeignKey("fk_proof_decisions_proofs", x => x.proof_id, "proofs", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_proof_decisions_proof_id", table: "proof_decisions", column: "proof_id");
        migrationBuilder.EnableTenantRowLevelSecurity("proof_decisions");

        // Inventory: stock per location and product, its ledger, transfers, stocktakes.
        migrationBuilder.CreateTable(
            name: "stock_levels",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                on_hand = table.Column<int>(type: "integer", nullable: false),
                in_transit_in = table.Column<int>(type: "integer", nullable: false),
                reorder_point = table.Column<int>(type: "integer", nullable: false),
                reorder_quantity = table.Column<int>(type: "integer", nullable: false),
                reorder_point_source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_levels", x => x.id);
                table.ForeignKey("fk_stock_levels_locations", x => x.location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_stock_levels_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_stock_levels_product_id", table: "stock_levels", column: "product_id");
        migrationBuilder.CreateIndex(name: "ux_stock_levels_location_id_product_id", table: "stock_levels", columns: ["location_id", "product_id"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("stock_levels");

        migrationBuilder.CreateTable(
            name: "stock_movements",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                on_hand_change = table.Column<int>(type: "integer", nullable: false),
                in_transit_change = table.Column<int>(type: "integer", nullable: false),
                reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                reference_id = table.Column<Guid?>(type: "uuid", nullable: true),
                occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                recorded_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_movements", x => x.id);
                table.ForeignKey("fk_stock_movements_locations", x => x.location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_stock_movements_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_stock_movements_location_id", table: "stock_movements", column: "location_id");
        migrationBuilder.CreateIndex(name: "ix_stock_movements_product_id_location_id_occurred_at", table: "stock_movements", columns: ["product_id", "location_id", "occurred_at"]);
        migrationBuilder.EnableTenantRowLevelSecurity("stock_movements");

        migrationBuilder.CreateTable(
            name: "transfers",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                from_location_id = table.Column<Guid>(type: "uuid", nullable: false),
                to_location_id = table.Column<Guid>(type: "uuid", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                shipped_at = table.Column<DateTimeOffset?>(type: "timestamp with time zone", nullable: true),
                received_at = table.Column<DateTimeOffset?>(type: "timestamp with time zone", nullable: true),
                received_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                received_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
                requested_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                requested_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
                shipped_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                shipped_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_transfers", x => x.id);
                table.ForeignKey("fk_transfers_from_locations", x => x.from_location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_transfers_to_locations", x => x.to_location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_transfers_from_location_id", table: "transfers", column: "from_location_id");
        migrationBuilder.CreateIndex(name: "ix_transfers_tenant_id_status", table: "transfers", columns: ["tenant_id", "status"]);
        migrationBuilder.CreateIndex(name: "ix_transfers_to_location_id", table: "transfers", column: "to_location_id");
        migrationBuilder.EnableTenantRowLevelSecurity("transfers");

        migrationBuilder.CreateTable(
            name: "transfer_lines",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                transfer_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                quantity = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_transfer_lines", x => x.id);
                table.ForeignKey("fk_transfer_lines_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_transfer_lines_transfers", x => x.transfer_id, "transfers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_transfer_lines_product_id", table: "transfer_lines", column: "product_id");
        migrationBuilder.CreateIndex(name: "ux_transfer_lines_transfer_id_product_id", table: "transfer_lines", columns: ["transfer_id", "product_id"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("transfer_lines");

        migrationBuilder.CreateTable(
            name: "stocktakes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                applied_at = table.Column<DateTimeOffset?>(type: "timestamp with time zone", nullable: true),
                applied_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                applied_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
                started_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                started_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stocktakes", x => x.id);
                table.ForeignKey("fk_stocktakes_locations", x => x.location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_stocktakes_location_id", table: "stocktakes", column: "location_id");
        migrationBuilder.CreateIndex(name: "ux_stocktakes_location_id_open", table: "stocktakes", column: "location_id", unique: true, filter: "status = 'Open'");
        migrationBuilder.EnableTenantRowLevelSecurity("stocktakes");

        migrationBuilder.CreateTable(
            name: "stocktake_counts",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                stocktake_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                expected = table.Column<int>(type: "integer", nullable: false),
                counted = table.Column<int?>(type: "integer", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stocktake_counts", x => x.id);
                table.ForeignKey("fk_stocktake_counts_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_stocktake_counts_stocktakes", x => x.stocktake_id, "stocktakes", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_stocktake_counts_product_id", table: "stocktake_counts", column: "product_id");
        migrationBuilder.CreateIndex(name: "ux_stocktake_counts_stocktake_id_product_id", table: "stocktake_counts", columns: ["stocktake_id", "product_id"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("stocktake_counts");

        // Purchasing. ux_purchase_order_lines_open_reorder keeps the reorder job from ordering one shortage twice
        // (PurchaseOrderLine explains the rule).
        migrationBuilder.CreateTable(
            name: "purchase_orders",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset?>(type: "timestamp with time zone", nullable: true),
                received_at = table.Column<DateTimeOffset?>(type: "timestamp with time zone", nullable: true),
                created_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                created_by_user_id = table.Column<Guid?>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_purchase_orders", x => x.id);
                table.ForeignKey("fk_purchase_orders_locations", x => x.location_id, "locations", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_purchase_orders_vendors", x => x.vendor_id, "vendors", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "ix_purchase_orders_location_id", table: "purchase_orders", column: "location_id");
        migrationBuilder.CreateIndex(name: "ix_purchase_orders_tenant_id_status", table: "purchase_orders", columns: ["tenant_id", "status"]);
        migrationBuilder.CreateIndex(name: "ix_purchase_orders_vendor_id", table: "purchase_orders", column: "vendor_id");
        migrationBuilder.CreateIndex(name: "ux_purchase_orders_tenant_id_number", table: "purchase_orders", columns: ["tenant_id", "number"], unique: true);
        migrationBuilder.EnableTenantRowLevelSecurity("purchase_orders");

        migrationBuilder.CreateTable(
            name: "purchase_order_lines",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                tenant_id = table.Column<string>(type: "text", nullable: false),
                purchase_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                location_id = table.Column<Guid>(type: "uuid", nullable: false),
                product_id = table.Column<Guid>(type: "uuid", nullable: false),
                quantity = table.Column<int>(type: "integer", nullable: false),
                unit_cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                is_reorder = table.Column<bool>(type: "boolean", nullable: false),
                is_open = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_purchase_order_lines", x => x.id);
                table.ForeignKey("fk_purchase_order_lines_products", x => x.product_id, "products", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_purchase_order_lines_purchase_orders", x => x.purchase_order_id, "purchase_orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_purchase_order_lines_product_id", table: "purchase_order_lines", column: "product_id");
        migrationBuilder.CreateIndex(name: "ix_purchase_order_lines_purchase_order_id", table: "purchase_order_lines", column: "purchase_order_id");
        migrationBuilder.CreateIndex(name: "ux_purchase_order_lines_open_reorder", table: "purchase_order_lines", columns: ["location_id", "product_id"], unique: true, filter: "is_open AND is_reorder");
        migrationBuilder.EnableTenantRowLevelSecurity("purchase_order_lines");

        // Per-tenant order and purchase-order numbers (DocumentNumbers).
        migrationBuilder.CreateTable(
            name: "document_number_series",
            columns: table => new
            {
                tenant_id = table.Column<string>(type: "text", nullable: false),
                kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                last_number = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_document_number_series", x => new { x.tenant_id, x.kind }));
        migrationBuilder.EnableTenantRowLevelSecurity("document_number_series");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "document_number_series", "purchase_order_lines", "purchase_orders", "stocktake_counts",
                     "stocktakes", "transfer_lines", "transfers", "stock_movements",
                     "stock_levels", "proof_decisions", "proofs", "payments",
                     "order_status_changes", "order_line_engravings", "order_lines", "orders",
                     "customer_contacts", "customers", "price_group_prices", "product_quantity_breaks",
                     "products", "engraving_options", "price_groups", "vendors",
                 })
            migrationBuilder.DropTable(name: table);
    }
}
