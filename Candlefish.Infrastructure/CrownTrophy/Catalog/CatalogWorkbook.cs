using System.Diagnostics;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

/// <summary>One problem of an imported workbook: the sheet's row number (as Excel shows it), the column and what is wrong.</summary>
public sealed record CatalogImportError(int Row, string Column, string Message);

/// <summary>What an import did: nothing when it found errors, else how many products it added and changed, and how long it took.</summary>
public sealed record CatalogImportResult(int Added, int Updated, IReadOnlyList<CatalogImportError> Errors, TimeSpan Took)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The catalog as an Excel workbook, out and back in: one row per product, its vendor by name and its quantity breaks
/// in column pairs (<c>Break1Qty</c>, <c>Break1Price</c>, … at least three). An import reads every row first and checks it
/// with the product's own rules (<see cref="ProductService.New"/>), a known vendor and a SKU not repeated in the file;
/// any error means nothing is written, and the row-by-row report says where. A clean file is upserted by SKU in one
/// transaction and three set-based statements (products, then their breaks), so thousands of rows take seconds, not a
/// round trip each. Pictures and price-group prices are not in the file and are left as they are.
/// </summary>
public sealed class CatalogWorkbook(TenantDbContextFactory contexts, TimeProvider clock)
{
    public const string SheetName = "Products";
    public const string Sku = "SKU", Name = "Name", Category = "Category", Vendor = "Vendor", Cost = "Cost", BasePrice = "BasePrice",
        RequiresProof = "RequiresProof", Active = "Active";

    /// <summary>The break columns the export always writes (more when a product has more breaks).</summary>
    public const int MinBreakColumns = 3;

    /// <summary>A generous ceiling: a franchise's catalog is a few thousand SKUs; a file far larger is a mistake.</summary>
    public const int MaxRows = 50_000;

    public static string BreakQty(int n) => $"Break{n}Qty";

    public static string BreakPrice(int n) => $"Break{n}Price";

    private static readonly string[] Required = [Sku, Name, Cost, BasePrice];

    /// <summary>Which column a product rule's field error belongs to.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(Product.Sku)] = Sku,
        [nameof(Product.Name)] = Name,
        [nameof(Product.Category)] = Category,
        [nameof(Product.Cost)] = Cost,
        [nameof(Product.BasePrice)] = BasePrice,
        [nameof(Product.QuantityBreaks)] = BreakQty(1),
    };

    /// <summary>Writes every product of the current tenant, by SKU, as an .xlsx (money in the business's currency).</summary>
    public async Task ExportAsync(Stream destination, string currency, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var products = await db.Products.AsNoTracking().Include(p => p.QuantityBreaks).OrderBy(p => p.Sku).ToListAsync(cancellationToken);
        var breakColumns = Math.Max(MinBreakColumns, products.Select(p => p.QuantityBreaks.Count).DefaultIfEmpty().Max());

        List<ExcelColumn> columns =
        [
            new(Sku, 14), new(Name, 36), new(Category, 14), new(Vendor, 24), new(Cost, 11), new(BasePrice, 11), new(RequiresProof, 14), new(Active, 9),
        ];
        for (var n = 1; n <= breakColumns; n++)
            columns.AddRange([new(BreakQty(n), 11), new(BreakPrice(n), 12)]);

        using var workbook = ExcelWorkbookWriter.Create(destination, ExcelWorkbookOptions.ForCurrency(currency));
        var sheet = workbook.AddSheet(SheetName, columns);
        var cells = new ExcelCell[columns.Count];
        foreach (var p in products)
        {
            Array.Fill(cells, ExcelCell.Empty);
            (cells[0], cells[1], cells[2], cells[3]) = (p.Sku, p.Name, p.Category, p.VendorId is { } v ? vendors.GetValueOrDefault(v) : null);
            (cells[4], cells[5], cells[6], cells[7]) = (ExcelCell.Money(p.Cost), ExcelCell.Money(p.BasePrice), p.RequiresProof, p.IsActive);
            var breaks = p.QuantityBreaks.OrderBy(b => b.MinQuantity).ToList();
            for (var i = 0; i < breaks.Count; i++)
                (cells[8 + 2 * i], cells[9 + 2 * i]) = (ExcelCell.Integer(breaks[i].MinQuantity), ExcelCell.Money(breaks[i].UnitPrice));
            sheet.WriteRow(cells);
        }
        workbook.Complete();
    }

    /// <summary>Checks every row and, only when all are right, adds or changes the products by SKU in one transaction.</summary>
    public async Task<CatalogImportResult> ImportAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var vendors = (await db.Vendors.AsNoTracking().Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken))
            .ToDictionary(v => v.Name, v => v.Id, StringComparer.OrdinalIgnoreCase);

        List<CatalogImportError> errors = [];
        List<Product> products;
        try
        {
            using var workbook = ExcelWorkbookReader.Open(upload);
            var sheet = workbook.SheetNames.Any(n => n.Equals(SheetName, StringComparison.OrdinalIgnoreCase)) ? workbook.Sheet(SheetName) : workbook.Sheet();
            products = ReadProducts(sheet, vendors, errors);
        }
        catch (ExcelFileException e)
        {
            return new CatalogImportResult(0, 0, [new CatalogImportError(0, "File", e.Message)], watch.Elapsed);
        }
        if (errors.Count > 0)
            return new CatalogImportResult(0, 0, errors, watch.Elapsed);

        var existing = (await db.Products.AsNoTracking().Select(p => p.Sku).ToListAsync(cancellationToken)).ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await UpsertAsync(db, products, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // Checked above; only a vendor deleted in the meantime gets here. The transaction took nothing with it.
            return new CatalogImportResult(0, 0, [new CatalogImportError(0, Vendor, "A vendor was deleted while the file was being imported. Import it again.")], watch.Elapsed);
        }
        var added = products.Count(p => !existing.Contains(p.Sku));
        return new CatalogImportResult(added, products.Count - added, [], watch.Elapsed);
    }

    /// <summary>The error report as an .xlsx: one row per problem, as the page lists them.</summary>
    public static void WriteErrorReport(Stream destination, IReadOnlyList<CatalogImportError> errors)
    {
        using var workbook = ExcelWorkbookWriter.Create(destination);
        var sheet = workbook.AddSheet("Import errors", [new("Row", 8), new("Column", 16), new("Problem", 90)]);
        foreach (var error in errors)
            sheet.WriteRow(error.Row == 0 ? ExcelCell.Empty : ExcelCell.Integer(error.Row), error.Column, error.Message);
        workbook.Complete();
    }

    private List<Product> ReadProducts(ExcelSheet sheet, IReadOnlyDictionary<string, Guid> vendors, List<CatalogImportError> errors)
    {
        foreach (var missing in sheet.MissingColumns(Required))
            errors.Add(new CatalogImportError(sheet.HeaderRowNumber, missing,
                $"The sheet has no {missing} column. The first row must name the columns: {string.Join(", ", Required)}, and optionally {Category}, {Vendor}, {RequiresProof}, {Active}, {BreakQty(1)}, {BreakPrice(1)}…"));
        if (errors.Count > 0)
            return [];
        var breakColumns = Enumerable.Range(1, 100).TakeWhile(n => sheet.HasColumn(BreakQty(n)) || sheet.HasColumn(BreakPrice(n))).ToList();
        foreach (var n in breakColumns.Where(n => !sheet.HasColumn(BreakQty(n)) || !sheet.HasColumn(BreakPrice(n))))
            errors.Add(new CatalogImportError(sheet.HeaderRowNumber, sheet.HasColumn(BreakQty(n)) ? BreakPrice(n) : BreakQty(n),
                $"Break {n} needs both a {BreakQty(n)} and a {BreakPrice(n)} column."));

        var now = clock.GetUtcNow();
        var products = new List<Product>();
        var rowOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows())
        {
            if (row.Number - sheet.HeaderRowNumber > MaxRows)
            {
                errors.Add(new CatalogImportError(row.Number, Sku, $"The file has more than {MaxRows:N0} products; split it into smaller files."));
                break;
            }
            var rowErrors = new RowErrors(row.Number, errors);
            var input = ReadRow(row, sheet, breakColumns, vendors, rowErrors);
            Product? product = null;
            try
            {
                product = ProductService.New(input, now);
            }
            catch (DomainValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    rowErrors.Add(ColumnOfField.GetValueOrDefault(field, Sku), messages[0]);
            }
            if (product is null)
                continue;
            if (rowOfSku.TryGetValue(product.Sku, out var first))
                rowErrors.Add(Sku, $"SKU {product.Sku} is also on row {first}: each SKU once per file.");
            else
                rowOfSku[product.Sku] = row.Number;
            if (!rowErrors.Any)
                products.Add(product);
        }
        if (errors.Count == 0 && products.Count == 0)
            errors.Add(new CatalogImportError(sheet.HeaderRowNumber + 1, Sku, "The sheet has no products below its header row."));
        return products;
    }

    /// <summary>
    /// The row as a person's input. A cell that is not what its column needs is reported and read as a stand-in
    /// (empty, 0), so the product's own rules still check the rest of the row and every problem shows at once.
    /// </summary>
    private static ProductInput ReadRow(ExcelRow row, ExcelSheet sheet, IReadOnlyList<int> breakColumns, IReadOnlyDictionary<string, Guid> vendors,
        RowErrors errors)
    {
        string? Text(string column) => sheet.HasColumn(column) ? row[column].AsString() : null;

        decimal Amount(string column, string label)
        {
            var value = row[column];
            if (value.IsEmpty)
                errors.Add(column, $"The {label} is required.");
            else if (!value.TryGetDecimal(out var amount))
                errors.Add(column, $"'{value}' is not an amount.");
            else
                return amount;
            return 0m;
        }

        bool Flag(string column, bool fallback)
        {
            if (!sheet.HasColumn(column) || row[column].IsEmpty)
                return fallback;
            if (row[column].TryGetBoolean(out var flag))
                return flag;
            errors.Add(column, $"'{row[column]}' is not yes or no.");
            return fallback;
        }

        Guid? vendorId = null;
        if (Text(Vendor) is { } vendorName)
        {
            if (vendors.TryGetValue(vendorName, out var id))
                vendorId = id;
            else
                errors.Add(Vendor, $"There is no vendor named '{vendorName}'. Add it on the Vendors page, or correct the name.");
        }

        var breaks = new List<QuantityBreak>();
        foreach (var n in breakColumns)
        {
            var (qty, price) = (row[BreakQty(n)], row[BreakPrice(n)]);
            if (qty.IsEmpty && price.IsEmpty)
                continue;
            if (qty.IsEmpty || price.IsEmpty)
            {
                errors.Add(qty.IsEmpty ? BreakQty(n) : BreakPrice(n), $"Break {n} needs both a quantity and a price.");
                continue;
            }
            var quantityOk = qty.TryGetInteger(out var quantity) && quantity is > 0 and <= int.MaxValue;
            var priceOk = price.TryGetDecimal(out var unitPrice);
            if (!quantityOk)
                errors.Add(BreakQty(n), $"'{qty}' is not a whole quantity.");
            if (!priceOk)
                errors.Add(BreakPrice(n), $"'{price}' is not an amount.");
            if (quantityOk && priceOk)
                breaks.Add(new QuantityBreak((int)quantity, unitPrice));
        }

        return new ProductInput(Text(Sku) ?? "", Text(Name) ?? "", Text(Category), vendorId, Amount(Cost, "cost"), Amount(BasePrice, "base price"),
            Flag(RequiresProof, false), Flag(Active, true), breaks);
    }

    /// <summary>One row's errors: the first message for each column, in the file's report.</summary>
    private sealed class RowErrors(int row, List<CatalogImportError> report)
    {
        private readonly HashSet<string> _columns = new(StringComparer.OrdinalIgnoreCase);

        public bool Any => _columns.Count > 0;

        public void Add(string column, string message)
        {
            if (_columns.Add(column))
                report.Add(new CatalogImportError(row, column, message));
        }
    }

    /// <summary>
    /// Adds or changes every product by SKU (its id, picture and creation time kept when it exists), then replaces the
    /// breaks of all of them: three statements whatever the number of rows, the rows going as arrays (unnest). The
    /// tenant is written explicitly and row-level security checks it, as for every insert.
    /// </summary>
    private static async Task UpsertAsync(TenantDbContext db, IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        var tenant = new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = db.TenantId.ToString() };
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO products (id, tenant_id, sku, name, category, vendor_id, cost, base_price, requires_proof, is_active, created_at)
            SELECT u.id, @tenant, u.sku, u.name, u.category, u.vendor_id, u.cost, u.base_price, u.requires_proof, u.is_active, u.created_at
            FROM unnest(@ids, @skus, @names, @categories, @vendors, @costs, @prices, @proofs, @actives, @created)
                AS u(id, sku, name, category, vendor_id, cost, base_price, requires_proof, is_active, created_at)
            ON CONFLICT (tenant_id, sku) DO UPDATE SET
                name = excluded.name, category = excluded.category, vendor_id = excluded.vendor_id, cost = excluded.cost,
                base_price = excluded.base_price, requires_proof = excluded.requires_proof, is_active = excluded.is_active
            """,
            [
                tenant,
                Values("ids", NpgsqlDbType.Uuid, products.Select(p => p.Id)),
                Values("skus", NpgsqlDbType.Text, products.Select(p => p.Sku)),
                Values("names", NpgsqlDbType.Text, products.Select(p => p.Name)),
                Values("categories", NpgsqlDbType.Text, products.Select(p => p.Category)),
                Values("vendors", NpgsqlDbType.Uuid, products.Select(p => p.VendorId)),
                Values("costs", NpgsqlDbType.Numeric, products.Select(p => p.Cost)),
                Values("prices", NpgsqlDbType.Numeric, products.Select(p => p.BasePrice)),
                Values("proofs", NpgsqlDbType.Boolean, products.Select(p => p.RequiresProof)),
                Values("actives", NpgsqlDbType.Boolean, products.Select(p => p.IsActive)),
                Values("created", NpgsqlDbType.TimestampTz, products.Select(p => p.CreatedAt)),
            ], cancellationToken);

        var skus = Values("skus", NpgsqlDbType.Text, products.Select(p => p.Sku));
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM product_quantity_breaks b USING products p
            WHERE b.product_id = p.id AND p.tenant_id = @tenant AND p.sku = ANY(@skus)
            """, [tenant.Clone(), skus], cancellationToken);

        var breaks = products.SelectMany(p => p.QuantityBreaks.Select(b => (p.Sku, Break: b))).ToList();
        if (breaks.Count == 0)
            return;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO product_quantity_breaks (id, tenant_id, product_id, min_quantity, unit_price)
            SELECT u.id, @tenant, p.id, u.min_quantity, u.unit_price
            FROM unnest(@ids, @skus, @quantities, @prices) AS u(id, sku, min_quantity, unit_price)
            JOIN products p ON p.tenant_id = @tenant AND p.sku = u.sku
            """,
            [
                tenant.Clone(),
                Values("ids", NpgsqlDbType.Uuid, breaks.Select(b => b.Break.Id)),
                Values("skus", NpgsqlDbType.Text, breaks.Select(b => b.Sku)),
                Values("quantities", NpgsqlDbType.Integer, breaks.Select(b => b.Break.MinQuantity)),
                Values("prices", NpgsqlDbType.Numeric, breaks.Select(b => b.Break.UnitPrice)),
            ], cancellationToken);
    }

    private static NpgsqlParameter Values<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
