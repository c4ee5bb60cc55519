using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Tests.Infrastructure.CrownTrophy;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Api;

/// <summary>
/// /api/v1/orders and its proofs, PDFs and export over HTTP, as an employee of two Crown Trophy shops (laurel in the
/// Schema tier, ribbon in the Database tier): the rules of the services come back as problem details, and one shop's
/// ids are not found at the other.
/// </summary>
public sealed class OrdersApiTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private Task<HttpClient> EmployeeOf(Shop shop) => app.SignedInClientAsync(shop.Tenant.Identifier, shop.EmployeeEmail);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> CreateOrderAsync(HttpClient client, Shop shop, Guid? customer = null, bool rush = false)
    {
        var created = await client.PostAsJsonAsync("/api/v1/orders", new { locationId = shop.Main, customerId = customer ?? shop.Lincoln, source = "Email", rush });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonOf(created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task An_order_is_built_and_moved_through_the_api_and_each_refusal_is_a_problem_that_says_why()
    {
        var client = await EmployeeOf(app.Laurel);
        var id = await CreateOrderAsync(client, app.Laurel);

        var line = await client.PostAsJsonAsync($"/api/v1/orders/{id}/lines", new
        {
            productId = app.Laurel.Plaque, quantity = 2, engravingOptionId = app.Laurel.Laser, engravingLinesPerItem = 2,
            engravings = new[] { new[] { "Ana Cruz", "Captain" }, new[] { "Sam Lee", "MVP" } },
        });
        var quoted = await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Quoted", reason = "Sent by email" });
        var production = await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "InProduction" });
        var unknownStatus = await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Shipped" });
        var tooMuch = await client.PostAsJsonAsync($"/api/v1/orders/{id}/payments", new { kind = "Deposit", amount = 1000m, method = "Card" });
        var deposit = await client.PostAsJsonAsync($"/api/v1/orders/{id}/payments", new { kind = "Deposit", amount = 20m, method = "Card", reference = "AUTH 1" });

        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        var order = await JsonOf(line);
        // School's fixed plaque price 20.00 + 2 lines × 0.35, twice; 8% tax at the main store.
        Assert.Equal((41.40m, 3.31m, 44.71m), (order.GetProperty("subtotal").GetDecimal(), order.GetProperty("tax").GetDecimal(), order.GetProperty("total").GetDecimal()));
        Assert.Equal("Sam Lee", order.GetProperty("lines")[0].GetProperty("engravings")[1].GetProperty("lines")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, quoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, production.StatusCode);
        Assert.Equal("application/problem+json", production.Content.Headers.ContentType?.MediaType);
        Assert.Equal("This order's products need an approved proof before production.", (await JsonOf(production)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
        Assert.True((await JsonOf(unknownStatus)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal("The balance due is 44.71.", (await JsonOf(tooMuch)).GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, deposit.StatusCode);
        Assert.Equal(24.71m, (await JsonOf(deposit)).GetProperty("balanceDue").GetDecimal());
    }

    [Fact]
    public async Task A_new_order_without_its_customer_and_location_is_a_400_with_both_fields_and_takes_no_number()
    {
        var client = await EmployeeOf(app.Laurel);

        var refused = await client.PostAsJsonAsync("/api/v1/orders", new { source = "WalkIn" });
        var noBody = await client.PostAsync("/api/v1/orders", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonOf(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _) && errors.TryGetProperty("locationId", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
    }

    [Fact]
    public async Task Another_shop_s_order_its_proofs_and_documents_are_not_found()
    {
        var laurel = await EmployeeOf(app.Laurel);
        var id = await CreateOrderAsync(laurel, app.Laurel);
        var ribbon = await EmployeeOf(app.Ribbon);

        foreach (var (method, path) in new[]
                 {
                     ("GET", $"/api/v1/orders/{id}"), ("GET", $"/api/v1/orders/{id}/payments"), ("GET", $"/api/v1/orders/{id}/proofs"),
                     ("GET", $"/api/v1/orders/{id}/work-order.pdf"), ("GET", $"/api/v1/orders/{id}/invoice.pdf"),
                 })
        {
            var response = await ribbon.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
        var moved = await ribbon.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Cancelled", reason = "Not ours" });
        var paid = await ribbon.PostAsJsonAsync($"/api/v1/orders/{id}/payments", new { amount = 1m, method = "Cash" });
        var listed = await JsonOf(await ribbon.GetAsync("/api/v1/orders?pageSize=200"));

        var page = await ribbon.GetAsync($"/orders/{id}");
        var pageHtml = await page.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (moved.StatusCode, paid.StatusCode));
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        // The workspace's order page at ribbon's host: "no such order", none of laurel's order.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"order-not-found\"", pageHtml);
        Assert.DoesNotContain("Laurel", pageHtml);
        Assert.Equal("Draft", (await JsonOf(await laurel.GetAsync($"/api/v1/orders/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_customer_s_sign_in_cannot_use_the_orders_api()
    {
        var customer = await app.SignedInClientAsync(app.Laurel.Tenant.Identifier, app.Laurel.LincolnEmail);

        var list = await customer.GetAsync("/api/v1/orders");
        var create = await customer.PostAsJsonAsync("/api/v1/orders", new { locationId = app.Laurel.Main, customerId = app.Laurel.Lincoln });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, create.StatusCode));
    }

    [Fact]
    public async Task A_proof_is_uploaded_checked_decided_and_downloaded_through_the_api()
    {
        var client = await EmployeeOf(app.Ribbon);
        var id = await CreateOrderAsync(client, app.Ribbon);
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/lines", new { productId = app.Ribbon.Plaque, quantity = 1 });
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Quoted" });

        var spoofed = await client.PostAsync($"/api/v1/orders/{id}/proofs", Upload("proof.pdf", "application/pdf", TestImages.Png(2, 2, (0, 0, 0), (9, 9, 9))));
        var uploaded = await client.PostAsync($"/api/v1/orders/{id}/proofs", Upload("plaque-v1.pdf", "application/pdf", Pdf));
        var proof = await JsonOf(uploaded);
        var proofId = proof.GetProperty("id").GetString();
        var noComment = await client.PostAsJsonAsync($"/api/v1/orders/{id}/proofs/{proofId}/decision", new { decision = "ChangesRequested" });
        var approved = await client.PostAsJsonAsync($"/api/v1/orders/{id}/proofs/{proofId}/decision", new { decision = "Approved", comment = "Customer said yes by phone" });
        var production = await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "InProduction" });
        var file = await client.GetAsync(proof.GetProperty("fileUrl").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, spoofed.StatusCode);
        Assert.Contains("its content is a PNG image", (await JsonOf(spoofed)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal((1, "Pending"), (proof.GetProperty("version").GetInt32(), proof.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("Approved", (await JsonOf(approved)).GetProperty("status").GetString());
        Assert.Equal("InProduction", (await JsonOf(production)).GetProperty("status").GetString());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    private static MultipartFormDataContent Upload(string name, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task The_export_holds_the_filtered_orders_with_money_and_a_totals_row_as_numbers()
    {
        var client = await EmployeeOf(app.Ribbon);
        var rushed = await CreateOrderAsync(client, app.Ribbon, app.Ribbon.Riverside, rush: true);
        await client.PostAsJsonAsync($"/api/v1/orders/{rushed}/lines", new { productId = app.Ribbon.Medal, quantity = 20 }); // 75.00 + 18.75 rush + 7.50 tax
        await client.PostAsJsonAsync($"/api/v1/orders/{rushed}/payments", new { kind = "Deposit", amount = 50m, method = "Cash" });

        var response = await client.GetAsync($"/api/v1/orders/export.xlsx?rush=true&customerId={app.Ribbon.Riverside}");
        var bad = await client.GetAsync("/api/v1/orders/export.xlsx?status=Shipped");

        Assert.Equal(OrderExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = ExcelWorkbookReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var rows = workbook.Sheet("Orders").Rows().ToList();
        var order = Assert.Single(rows, r => r["Customer"].AsString() == "Riverside Little League");
        Assert.True(order["Total"].TryGetDecimal(out var total));
        Assert.True(order["Balance due"].TryGetDecimal(out var balance));
        Assert.Equal((101.25m, 51.25m, "Yes"), (total, balance, order["Rush"].AsString()));
        var totals = rows[^1];
        Assert.StartsWith("Total of", totals["Order"].AsString());
        Assert.Equal(ExcelValueKind.Number, totals["Total"].Kind);
        Assert.True(totals["Paid"].TryGetDecimal(out var paid) && paid >= 50m);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_invoice_and_work_order_pdfs_show_the_order_s_totals_and_every_engraved_name()
    {
        var client = await EmployeeOf(app.Laurel);
        var id = await CreateOrderAsync(client, app.Laurel, rush: true);
        var names = Enumerable.Range(1, 12).Select(i => new[] { $"Swimmer {i:00} Okafor", "State Finals 2026" }).ToArray();
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/lines", new
        {
            productId = app.Laurel.Plaque, quantity = 12, engravingOptionId = app.Laurel.Laser, engravingLinesPerItem = 2, engravings = names,
        });
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/lines", new { productId = app.Laurel.Medal, quantity = 12 });
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Quoted" });
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/payments", new { kind = "Deposit", amount = 100m, method = "Check", reference = "4417" });

        var invoice = await PdfTextAsync(await client.GetAsync($"/api/v1/orders/{id}/invoice.pdf"));
        var workOrder = await PdfTextAsync(await client.GetAsync($"/api/v1/orders/{id}/work-order.pdf"));

        // Plaques at School's 20.00 + 0.70 engraving = 248.40; medals 10% off 3.75 = 3.38 → 40.56; subtotal 288.96;
        // rush 25% = 72.24; 8% tax on 361.20 = 28.90; total 390.10; less the 100.00 deposit.
        foreach (var figure in new[] { "$288.96", "$72.24", "$28.90", "$390.10", "-$100.00", "$290.10", "Sales tax (8%)", "Lincoln High Athletics" })
            Assert.Contains(figure, invoice);
        Assert.Matches(@"Balance due\s+\$290\.10", invoice);
        Assert.Contains("RUSH", workOrder);
        Assert.Contains("Needs a proof: none sent yet", workOrder);
        Assert.All(names, n => Assert.Contains(n[0], workOrder));
        Assert.DoesNotContain("$390.10", workOrder); // the shop floor's sheet has no prices
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await PdfText.OfAsync(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_dashboard_counts_open_orders_waiting_proofs_and_this_month_s_sales_in_the_database()
    {
        var client = await EmployeeOf(app.Ribbon);
        var id = await CreateOrderAsync(client, app.Ribbon, app.Ribbon.Riverside);
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/lines", new { productId = app.Ribbon.Plaque, quantity = 1 });
        await client.PostAsJsonAsync($"/api/v1/orders/{id}/status", new { status = "Quoted" });
        await client.PostAsync($"/api/v1/orders/{id}/proofs", Upload("v1.pdf", "application/pdf", Pdf));

        CrownTrophyFigures figures;
        using (app.As(app.Ribbon))
            figures = await app.Services.GetService<CrownTrophyDashboard>()!.GetAsync();
        var all = (await JsonOf(await client.GetAsync("/api/v1/orders?status=Open&pageSize=200"))).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(all.Count, figures.OpenOrderCount);
        Assert.Equal(all.Count(o => o.GetProperty("status").GetString() == "AwaitingProof"), figures.OpenOrders.Single(o => o.Status == OrderStatus.AwaitingProof).Orders);
        Assert.True(figures.ProofsWaiting >= 1);
        // The order awaiting its proof is a sale (the customer said yes); drafts and quotes are not.
        Assert.Equal(all.Where(o => o.GetProperty("status").GetString() is not ("Draft" or "Quoted")).Sum(o => o.GetProperty("total").GetDecimal()),
            figures.SalesThisMonthTotal);
    }
}
