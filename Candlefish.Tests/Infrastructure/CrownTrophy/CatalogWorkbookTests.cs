using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Tests.Support;
using Candlefish.Tests.Web.CrownTrophy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>The catalog's Excel export and import on PostgreSQL: the layout, 2,000+ rows in seconds, and all or nothing.</summary>
public class CatalogWorkbookTests(CatalogTenantsApp app, ITestOutputHelper output) : IClassFixture<CatalogTenantsApp>
{
    private static readonly string[] Columns =
    [
        CatalogWorkbook.Sku, CatalogWorkbook.Name, CatalogWorkbook.Category, CatalogWorkbook.Vendor, CatalogWorkbook.Cost, CatalogWorkbook.BasePrice,
        CatalogWorkbook.RequiresProof, CatalogWorkbook.Active, "Break1Qty", "Break1Price", "Break2Qty", "Break2Price", "Break3Qty", "Break3Price",
    ];

    /// <summary>A workbook in the import's layout, written the one way the app writes Excel.</summary>
    private static MemoryStream Workbook(IEnumerable<ExcelCell[]> rows)
    {
        var stream = new MemoryStream();
        using (var workbook = ExcelWorkbookWriter.Create(stream))
        {
            var sheet = workbook.AddSheet(CatalogWorkbook.SheetName, Columns.Select(c => new ExcelColumn(c)).ToList());
            foreach (var row in rows)
                sheet.WriteRow(row);
            workbook.Complete();
        }
        return new MemoryStream(stream.ToArray());
    }

    private static ExcelCell[] Row(string sku, string vendor, decimal cost, decimal price, params (int Qty, decimal Price)[] breaks)
    {
        var cells = new List<ExcelCell> { sku, $"Award {sku}", "Plaques", vendor, cost, price, false, true };
        foreach (var (qty, unit) in breaks)
            cells.AddRange([qty, unit]);
        return cells.ToArray();
    }

    private Task<T> AsTenant<T>(Candlefish.Domain.Tenancy.TenantInfo tenant, Func<IServiceProvider, Task<T>> action) => app.AsTenantAsync(tenant, action);

    private async Task<int> ProductCountAsync(Candlefish.Domain.Tenancy.TenantInfo tenant)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        return await db.Products.CountAsync();
    }

    private async Task<Guid> VendorAsync(Candlefish.Domain.Tenancy.TenantInfo tenant, string name) =>
        (await AsTenant(tenant, s => s.GetRequiredService<VendorService>().SaveAsync(null, new VendorInput(name, null, null, null, 7, 0m)))).Id;

    [Fact]
    public async Task The_export_has_one_row_per_product_with_its_vendor_s_name_and_its_breaks_in_column_pairs()
    {
        await app.SeedCatalogAsync(app.Laurel);
        using var file = new MemoryStream();

        await AsTenant(app.Laurel, async s => { await s.GetRequiredService<CatalogWorkbook>().ExportAsync(file, "USD"); return true; });

        using var reader = ExcelWorkbookReader.Open(new MemoryStream(file.ToArray()));
        var sheet = reader.Sheet(CatalogWorkbook.SheetName);
        var rows = sheet.Rows().ToList();
        Assert.Equal(Columns, sheet.Headers);
        var plaque = rows.Single(r => r[CatalogWorkbook.Sku].AsString() == "PLQ-8X10");
        Assert.Equal(("Trophy Supply Co.", "24", "TRUE"), (plaque[CatalogWorkbook.Vendor].AsString(), plaque[CatalogWorkbook.BasePrice].AsString(), plaque[CatalogWorkbook.RequiresProof].AsString()));
        Assert.Equal(["10", "21", "50", "18.5"], new[] { "Break1Qty", "Break1Price", "Break2Qty", "Break2Price" }.Select(c => plaque[c].AsString()));
        Assert.True(plaque["Break3Qty"].IsEmpty);
        Assert.True(rows.Single(r => r[CatalogWorkbook.Sku].AsString() == "MED-2")["Break1Qty"].IsEmpty);
    }

    [Fact]
    public async Task A_workbook_of_2500_products_imports_in_seconds_and_importing_it_again_updates_them_all()
    {
        var tenant = app.Wreath;
        await VendorAsync(tenant, "Bulk Awards Supply");
        var rows = Enumerable.Range(1, 2_500)
            .Select(i => Row($"BULK-{i:D5}", i % 2 == 0 ? "bulk awards supply" : "", 2m + i % 7, 10m + i % 50, (10, 9m + i % 50), (50, 8m + i % 50)))
            .ToList();
        using var file = Workbook(rows);
        var before = await ProductCountAsync(tenant);

        var first = await AsTenant(tenant, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(file));
        file.Position = 0;
        var second = await AsTenant(tenant, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(file));

        output.WriteLine($"2,500 rows: first import {first.Took.TotalMilliseconds:N0} ms, second (all updates) {second.Took.TotalMilliseconds:N0} ms");
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal((2_500, 0), (first.Added, first.Updated));
        Assert.Equal((0, 2_500), (second.Added, second.Updated));
        // 4–6 s measured here with two cores shared by others (load average near 28); the bound is loose for that. Row by
        // row, a few round trips a product, it would take minutes.
        Assert.True(first.Took < TimeSpan.FromSeconds(20), $"The import took {first.Took}.");
        Assert.Equal(before + 2_500, await ProductCountAsync(tenant));
        await using var db = await app.TenantData.CreateAsync(tenant);
        var sample = await db.Products.Include(p => p.QuantityBreaks).SingleAsync(p => p.Sku == "BULK-00042");
        Assert.Equal((2m, 52m), (sample.Cost, sample.BasePrice)); // row 42: cost 2 + 42 % 7, price 10 + 42 % 50
        Assert.NotNull(sample.VendorId); // an even row names the vendor, in another case
        Assert.Equal([(10, 51m), (50, 50m)], sample.QuantityBreaks.OrderBy(b => b.MinQuantity).Select(b => (b.MinQuantity, b.UnitPrice)));
        var bulk = db.Products.Where(p => p.Sku.StartsWith("BULK-")).Select(p => p.Id);
        Assert.Equal(5_000, await db.Set<Candlefish.Domain.CrownTrophy.Catalog.ProductQuantityBreak>().CountAsync(b => bulk.Contains(b.ProductId)));
    }

    [Fact]
    public async Task A_workbook_with_three_bad_rows_imports_nothing_and_reports_exactly_those_rows()
    {
        var tenant = app.Laurel;
        await VendorAsync(tenant, "Known Vendor");
        var rows = Enumerable.Range(1, 40).Select(i => Row($"GOOD-{i:D3}", "Known Vendor", 3m, 12m, (10, 11m))).ToList();
        rows[9] = Row("GOOD-010", "Unknown Vendor Ltd", 3m, 12m);              // sheet row 11: no such vendor
        rows[19] = Row("good-005", "Known Vendor", 3m, 12m);                   // sheet row 21: GOOD-005 again (SKUs are one case)
        rows[29] = Row("GOOD-030", "Known Vendor", 3m, 12m, (1, 11m));         // sheet row 31: a break from 1…
        rows[29][4] = "three dollars";                                          // …and a Cost that is not a number
        using var file = Workbook(rows);
        var before = await ProductCountAsync(tenant);

        var result = await AsTenant(tenant, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(file));

        Assert.False(result.Succeeded);
        Assert.Equal([(11, "Vendor"), (21, "SKU"), (31, "Cost"), (31, "Break1Qty")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("Unknown Vendor Ltd", result.Errors[0].Message);
        Assert.Contains("also on row 6", result.Errors[1].Message);
        Assert.Contains("'three dollars' is not an amount", result.Errors[2].Message);
        Assert.Equal(before, await ProductCountAsync(tenant));
    }

    [Fact]
    public async Task The_error_report_lists_each_problem_as_a_row()
    {
        using var report = new MemoryStream();
        CatalogWorkbook.WriteErrorReport(report, [new(11, "Vendor", "There is no vendor named 'X'."), new(0, "File", "Not a workbook.")]);

        using var reader = ExcelWorkbookReader.Open(new MemoryStream(report.ToArray()));
        var rows = reader.Sheet().Rows().Select(r => (r["Row"].AsString(), r["Column"].AsString(), r["Problem"].AsString())).ToList();

        Assert.Equal([("11", "Vendor", "There is no vendor named 'X'."), (null, "File", "Not a workbook.")], rows);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_lacks_a_column_is_reported_not_thrown()
    {
        using var csv = new MemoryStream("SKU,Name\nA,B\n"u8.ToArray());
        var stream = new MemoryStream();
        using (var workbook = ExcelWorkbookWriter.Create(stream))
        {
            workbook.AddSheet(CatalogWorkbook.SheetName, [new("SKU"), new("Name"), new("Cost")]).WriteRow("X-1", "Thing", 2m);
            workbook.Complete();
        }

        var notExcel = await AsTenant(app.Laurel, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(csv));
        var noPrice = await AsTenant(app.Laurel, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(new MemoryStream(stream.ToArray())));

        Assert.Equal("File", Assert.Single(notExcel.Errors).Column);
        Assert.Contains("not an Excel workbook", notExcel.Errors[0].Message);
        Assert.Equal((1, "BasePrice"), (Assert.Single(noPrice.Errors).Row, noPrice.Errors[0].Column));
    }

    [Fact]
    public async Task A_clean_file_updates_existing_products_by_sku_and_keeps_their_id()
    {
        var tenant = app.Laurel;
        var vendor = await VendorAsync(tenant, "Update Vendor");
        var existing = await AsTenant(tenant, s => s.GetRequiredService<ProductService>().CreateAsync(
            new ProductInput("UPSERT-1", "Old name", "Old", null, 1m, 5m, true, true, [new(10, 4m), new(20, 3m)])));
        using var file = Workbook([Row("upsert-1", "Update Vendor", 2m, 6m, (12, 5.5m)), Row("UPSERT-2", "", 1m, 2m)]);

        var result = await AsTenant(tenant, s => s.GetRequiredService<CatalogWorkbook>().ImportAsync(file));

        Assert.Equal((1, 1), (result.Added, result.Updated));
        var updated = (await AsTenant(tenant, s => s.GetRequiredService<ProductService>().GetAsync(existing.Id)))!;
        Assert.Equal(("Award upsert-1", vendor, 6m, false), (updated.Name, updated.VendorId!.Value, updated.BasePrice, updated.RequiresProof));
        Assert.Equal([(12, 5.5m)], updated.QuantityBreaks.Select(b => (b.MinQuantity, b.UnitPrice)));
    }
}
