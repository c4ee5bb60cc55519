using System.Net;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Paintbox.Bart;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The BART import and the Excel export against PostgreSQL in both tiers: an upload becomes a client and an estimate
/// with every measurement (or nothing at all), and a saved estimate downloads as a workbook its own tenant alone can get.
/// </summary>
public sealed class BartEstimateImportTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private BartEstimateImport Import => app.Services.GetRequiredService<BartEstimateImport>();
    private EstimateExcelExport Export => app.Services.GetRequiredService<EstimateExcelExport>();

    private async Task<BartEstimateImportResult> ImportAsync(PaintShop shop, Stream workbook, string name)
    {
        using var _ = app.As(shop);
        return await Import.ImportAsync(workbook, name, shop.Employee);
    }

    private async Task<(int Clients, int Estimates)> CountsAsync(PaintShop shop)
    {
        using var _ = app.As(shop);
        await using var db = await app.TenantData.CreateAsync();
        return (await db.Clients.CountAsync(), await db.Estimates.CountAsync());
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_exterior_case_becomes_a_client_and_an_estimate_with_every_measurement_of_both_sides(string tier)
    {
        var shop = app.ShopOf(tier);
        var (workbook, import) = BartCases.Load(BartCases.Exterior);
        await using var file = File.OpenRead(BartCases.Path(BartCases.Exterior));

        var result = await ImportAsync(shop, file, BartCases.Exterior);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Findings);
        var (estimate, client) = (result.Estimate!.Estimate, result.Estimate.Client);
        // The estimator measured the house outside and three rooms inside (`Int Measure` rows 39–96): both are kept.
        Assert.Equal(EstimateKind.Both, estimate.Kind);
        Assert.Equal(PaintboxJson.Serialize(import.Exterior!), PaintboxJson.Serialize(estimate.Inputs.Exterior!));
        Assert.Equal(PaintboxJson.Serialize(import.Interior!), PaintboxJson.Serialize(estimate.Inputs.Interior!));
        Assert.Equal(workbook.Text("New Client Info Page", "A2"), client.Name);
        Assert.Equal(workbook.Text("New Client Info Page", "E2"), client.ServiceAddress);
        Assert.Equal(client.ServiceAddress, estimate.PropertyAddress);
        var contact = Assert.Single(client.Contacts);
        Assert.Equal(workbook.Text("New Client Info Page", "D2"), contact.Email);
        Assert.Equal(workbook.Text("Ext Measure", "B5"), contact.Phone);
        Assert.Contains(BartCases.Exterior, client.Notes);
        // Priced by the engine with the tenant's book (BART 3.2's): each product's list price as `Exterior Formula Sheet` row 278 shows it.
        foreach (var product in estimate.Prices.Exterior)
        {
            var column = new[] { "BF", "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO" }.Single(c => workbook.Text("Exterior Formula Sheet", $"{c}268") == product.Name);
            Assert.InRange(Math.Abs(workbook.Number("Exterior Formula Sheet", $"{column}278") - product.ListPrice), 0m, 1m);
        }
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_interior_workbook_becomes_an_interior_estimate_with_its_rooms(string tier)
    {
        var shop = app.ShopOf(tier);
        var import = BartCases.Load(BartCases.Interior).Import;
        await using var file = File.OpenRead(BartCases.Path(BartCases.Interior));

        var result = await ImportAsync(shop, file, BartCases.Interior);

        Assert.True(result.Succeeded, result.Error);
        var estimate = result.Estimate!.Estimate;
        Assert.Equal(EstimateKind.Interior, estimate.Kind); // its exterior sheet has no measure line
        Assert.Null(estimate.Inputs.Exterior);
        Assert.Equal(import.Interior!.Rooms.Select(r => r.Name), estimate.Inputs.Interior!.Rooms.Select(r => r.Name));
        Assert.Equal(InteriorPricing.Price(import.Interior, PriceBook.Default).Products.Select(p => Math.Round(p.Total, 2)), estimate.Prices.Interior.Select(p => p.ListPrice));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_file_that_is_not_a_workbook_creates_nothing(string tier)
    {
        var shop = app.ShopOf(tier);
        var before = await CountsAsync(shop);
        var bytes = await File.ReadAllBytesAsync(BartCases.Path(BartCases.Exterior));

        var text = await ImportAsync(shop, new MemoryStream("Front,55,10\n"u8.ToArray()), "measures.xlsx");
        var truncated = await ImportAsync(shop, new MemoryStream(bytes[..(bytes.Length / 3)]), "cut.xlsx");

        Assert.False(text.Succeeded);
        Assert.Contains("not an Excel workbook", text.Error);
        Assert.False(truncated.Succeeded);
        Assert.Contains("damaged", truncated.Error);
        Assert.Equal(before, await CountsAsync(shop));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_workbook_whose_values_cannot_make_an_estimate_creates_nothing_and_reports_the_cells(string tier)
    {
        var shop = app.ShopOf(tier);
        var before = await CountsAsync(shop);
        var altered = BartImportReportTests.Altered(BartCases.Exterior, document =>
            BartImportReportTests.SetText(document, "Ext Measure", "J50", "Impossible")); // an access the drop-down does not offer

        var result = await ImportAsync(shop, altered, "altered.xlsx");

        Assert.False(result.Succeeded);
        Assert.Equal("J50", Assert.Single(result.Findings).Cell);
        Assert.Contains("Exterior.Elevations[0].Lines[0].Access", result.InputErrors.Keys);
        Assert.Equal(before, await CountsAsync(shop));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_saved_estimate_exports_with_its_client_its_prices_and_its_books_warranties(string tier)
    {
        var shop = app.ShopOf(tier);
        await using var file = File.OpenRead(BartCases.Path(BartCases.Exterior));
        var created = (await ImportAsync(shop, file, BartCases.Exterior)).Estimate!;
        using var workbook = new MemoryStream();

        string name;
        using (app.As(shop))
            name = await Export.WriteAsync(created.Estimate.Id, workbook);

        Assert.Equal($"estimate-{created.Estimate.Number}.xlsx", name);
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, false);
        var part = document.WorkbookPart!;
        var summary = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == EstimateWorkbook.SummarySheet).Id!);
        var cells = summary.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
        Assert.Equal(created.Estimate.Number.ToString(), cells["B1"]);
        Assert.Equal(created.Client.Name, cells["B2"]);
        Assert.Equal("Emerald", cells["A7"]);
        Assert.Equal(ProductWarranties.Default.ExteriorOf("Emerald"), cells["B7"]);
        Assert.Equal(created.Estimate.Prices.Exterior[0].FinalPrice, Math.Round(decimal.Parse(cells["E7"], System.Globalization.CultureInfo.InvariantCulture), 2));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenants_estimate_cannot_be_exported(string tier)
    {
        var shop = app.ShopOf(tier);
        await using var file = File.OpenRead(BartCases.Path(BartCases.Interior));
        var theirs = (await ImportAsync(app.OtherOf(tier), file, BartCases.Interior)).Estimate!.Estimate.Id;

        using (app.As(shop))
            await Assert.ThrowsAsync<KeyNotFoundException>(() => Export.WriteAsync(theirs, new MemoryStream()));
        var api = await app.SignedInClientAsync(shop.Tenant.Identifier, shop.OwnerEmail);
        var response = await api.GetAsync($"/api/v1/paintbox/estimates/{theirs}/export.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_api_sends_the_estimate_as_an_xlsx_download(string tier)
    {
        var shop = app.ShopOf(tier);
        await using var file = File.OpenRead(BartCases.Path(BartCases.Interior));
        var created = (await ImportAsync(shop, file, BartCases.Interior)).Estimate!;
        var api = await app.SignedInClientAsync(shop.Tenant.Identifier, shop.EmployeeEmail);

        var response = await api.GetAsync($"/api/v1/paintbox/estimates/{created.Estimate.Id}/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EstimateWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"estimate-{created.Estimate.Number}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var reader = ExcelWorkbookReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([EstimateWorkbook.SummarySheet, EstimateWorkbook.InteriorSheet], reader.SheetNames);
    }
}
