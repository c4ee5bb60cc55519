using System.Text;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// Crown Trophy orders in Chromium at acme (the demo's catalog and customers): an employee takes an order with a
/// 276-name list, the owner sends a proof, the customer's approval is recorded, production starts and the documents print.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrdersInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1366, Height = 900 } };

    private static byte[] NameList(int names)
    {
        var csv = new StringBuilder("Name,Team,Season\r\n");
        for (var i = 1; i <= names; i++)
            csv.Append($"\"Player {i:000}, Jr.\",Lincoln Lions Soccer,2026\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task An_order_with_a_276_name_list_goes_through_its_proof_into_production_and_prints()
    {
        var app = Server.App;
        var employee = await SignedInPageAsync("acme", DemoUsers.Email("employee", "acme"), Desktop);

        var list = await OrdersListPage.OpenAsync(employee, app.UrlFor("acme", "/orders"));
        var order = await (await list.NewOrderAsync()).CreateAsync("Lincoln High School Athletics");
        await Assertions.Expect(order.Status).ToHaveTextAsync("Draft");
        await order.ChooseLineAsync("BADGE-NAME", 1, "Laser engraving", 1);
        await Assertions.Expect(order.LinePreview).ToContainTextAsync("the order's total becomes");
        await order.AddLineAsync();

        await order.UploadNameListAsync(0, "bad.csv", Encoding.UTF8.GetBytes("Ana Cruz,Captain\nSam Lee," + new string('x', 120) + "\n"));
        await Assertions.Expect(employee.GetByTestId("name-list-errors")).ToContainTextAsync("Row 2: line 2 has 120 characters");
        await order.UploadNameListAsync(0, "soccer-banquet.csv", NameList(276));
        await Assertions.Expect(employee.GetByTestId("name-list-summary")).ToContainTextAsync("276 names");
        await order.ScreenshotAsync("orders-name-list-preview");
        await order.ImportNameListAsync();
        await Assertions.Expect(order.Lines.First.GetByTestId("line-quantity")).ToHaveTextAsync("276");
        await Assertions.Expect(order.Lines.First.GetByTestId("line-engraved-items")).ToContainTextAsync("276 of 276 items engraved");
        await order.MoveAsync("Quoted", "Quote emailed to the athletic director");
        await Assertions.Expect(order.Status).ToHaveTextAsync("Quoted");
        var total = (await order.Total.TextContentAsync())!.Trim();
        var orderUrl = employee.Url;

        var owner = await SignedInPageAsync("acme", options: Desktop);
        var ownersView = await OrderScreen.OpenAsync(owner, orderUrl);
        await ownersView.UploadProofAsync("proof.pdf", "application/pdf", TestImages.Png(4, 4, (0, 0, 0), (255, 255, 255)));
        await Assertions.Expect(ownersView.ErrorFor("File")).ToContainTextAsync("its content is a PNG image");
        await ownersView.UploadProofAsync("badges-v1.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));
        await Assertions.Expect(ownersView.Status).ToHaveTextAsync("Awaiting proof");
        await Assertions.Expect(ownersView.ProofVersions).ToHaveCountAsync(1);
        await Assertions.Expect(owner.GetByTestId("move-InProduction")).ToHaveCountAsync(0); // awaiting the proof: no way into production
        await ownersView.RecordApprovalAsync();
        await Assertions.Expect(ownersView.Status).ToHaveTextAsync("Proof approved");
        await ownersView.MoveAsync("InProduction", "Plates cut");
        await Assertions.Expect(ownersView.Status).ToHaveTextAsync("In production");
        await Assertions.Expect(ownersView.History).ToContainTextAsync("Plates cut");
        await ownersView.ScreenshotAsync("orders-order-in-production");

        var invoice = await PdfText.OfAsync(await ownersView.DocumentAsync("invoice-pdf"));
        var workOrder = await PdfText.OfAsync(await ownersView.DocumentAsync("work-order-pdf"));
        Assert.Contains(total, invoice);
        Assert.Contains("Lincoln High School Athletics", invoice);
        Assert.Contains("Player 276, Jr.", workOrder);
        Assert.Contains("Proof version 1 approved", workOrder);
    }

    [Fact]
    public async Task The_orders_pages_have_no_serious_accessibility_violations()
    {
        var page = await SignedInPageAsync("acme", options: new() { BypassCSP = true, ViewportSize = new() { Width = 1366, Height = 900 } });
        var list = await OrdersListPage.OpenAsync(page, Server.App.UrlFor("acme", "/orders"));
        await Assertions.Expect(list.Rows.First).ToBeVisibleAsync();
        var listViolations = await AccessibilityTests.SeriousViolationsAsync(page);
        await list.ScreenshotAsync("orders-list");

        await page.GetByTestId("orders-grid").GetByText("#1002").ClickAsync(); // the demo's order awaiting its proof
        await Assertions.Expect(page.GetByTestId("proof-versions")).ToBeVisibleAsync();
        var orderViolations = await AccessibilityTests.SeriousViolationsAsync(page);
        await new OrderScreen(page).ScreenshotAsync("orders-order-awaiting-proof");

        await page.GotoAsync(Server.App.UrlFor("acme", "/orders/new"));
        await Assertions.Expect(page.GetByTestId("new-order-form")).ToBeVisibleAsync();
        var newViolations = await AccessibilityTests.SeriousViolationsAsync(page);

        Assert.True(listViolations.Count + orderViolations.Count + newViolations.Count == 0,
            string.Join("\n", listViolations.Concat(orderViolations).Concat(newViolations)));
    }
}
