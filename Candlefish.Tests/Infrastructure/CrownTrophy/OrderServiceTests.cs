using System.Text;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>Orders and proofs through their services on PostgreSQL, in both tiers, as pages, the portal and the API use them.</summary>
public sealed class OrderServiceTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private Shop ShopOf(string tier) => tier == "schema" ? app.Laurel : app.Ribbon;

    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private async Task<Order> NewOrderAsync(Shop shop, Guid? customer = null, Guid? location = null)
    {
        using var _ = app.As(shop);
        return await app.Orders.CreateAsync(new NewOrder(location ?? shop.Main, customer ?? shop.Lincoln, OrderSource.Email), shop.Employee);
    }

    /// <summary>A quoted order of Lincoln's for plaques, which need a proof.</summary>
    private async Task<Order> QuotedPlaqueOrderAsync(Shop shop, int plaques)
    {
        var order = await NewOrderAsync(shop);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Plaque, plaques), shop.Employee);
        await app.Orders.ChangeStatusAsync(order.Id, OrderStatus.Quoted, null, shop.Employee);
        return order;
    }

    private static MemoryStream NameListCsv(int names)
    {
        var csv = new StringBuilder("Name,Title,Year\r\n");
        for (var i = 1; i <= names; i++)
            csv.Append($"\"Player {i:000}, Jr.\",Varsity Soccer,2026\r\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_name_list_of_276_rows_becomes_276_engraved_items_priced_through_the_pricing_service(string tier)
    {
        var shop = ShopOf(tier);
        var order = await NewOrderAsync(shop);
        using var _ = app.As(shop);
        var lineId = await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Plaque, 1, shop.Laser, 1), shop.Employee);

        var list = await NameListFiles.ReadAsync("soccer-banquet.csv", NameListCsv(276));
        await app.Orders.ImportNameListAsync(order.Id, lineId, list, shop.Employee);

        var saved = (await app.Orders.GetAsync(order.Id, shop.Employee)).Order;
        var line = Assert.Single(saved.Lines);
        Assert.True(list.HadHeaderRow);
        Assert.Equal((276, 3, 276), (line.Quantity, line.EngravingLinesPerItem, line.Engravings.Count));
        Assert.Equal(["Player 001, Jr.", "Varsity Soccer", "2026"], line.Engravings[0].Lines);
        Assert.Equal((2, 277), (line.Engravings[0].NameListRow, line.Engravings[^1].NameListRow));
        // School's fixed plaque price 20.00 + 3 lines × 0.35 = 21.05 each; 8% tax at the main store.
        Assert.Equal((21.05m, 5809.80m, 464.78m, 6274.58m), (line.UnitPrice + line.EngravingPerItem, saved.Subtotal, saved.Tax, saved.Total));
    }

    [Fact]
    public async Task An_excel_name_list_of_276_rows_reads_as_276_items_with_their_row_numbers()
    {
        using var file = new MemoryStream();
        using (var workbook = Candlefish.Infrastructure.Documents.Excel.ExcelWorkbookWriter.Create(file))
        {
            var sheet = workbook.AddSheet("Names", [new("Name", 30), new("Award", 20), new("Year", 8)]);
            for (var i = 1; i <= 276; i++)
                sheet.WriteRow($"Player {i:000}", "Most improved", 2026);
            workbook.Complete();
        }

        var list = await NameListFiles.ReadAsync("banquet.xlsx", new MemoryStream(file.ToArray()));

        Assert.True(list.IsValid, string.Join("; ", list.Errors));
        Assert.Equal((276, true, 3), (list.Items.Count, list.HadHeaderRow, list.MostLines));
        Assert.Equal(["Player 276", "Most improved", "2026"], list.Items[^1].Lines);
        Assert.Equal(277, list.Items[^1].NameListRow);
    }

    [Fact]
    public async Task A_file_named_xlsx_that_is_not_a_workbook_is_refused_with_what_to_do()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            NameListFiles.ReadAsync("names.xlsx", new MemoryStream(Encoding.UTF8.GetBytes("Ana,Captain\n"))));

        Assert.Contains("Save the file as an Excel Workbook", refused.Errors[NameListFiles.Field][0]);
    }

    [Fact]
    public async Task A_name_list_with_broken_rows_reports_each_by_its_row_number_and_engraves_nothing()
    {
        var shop = app.Laurel;
        var order = await NewOrderAsync(shop);
        using var _ = app.As(shop);
        var lineId = await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Plaque, 2, shop.Laser, 1), shop.Employee);
        var csv = "Ana Cruz,Captain\n\nSam Lee," + new string('x', 120) + "\nJo Park\n";

        var list = await NameListFiles.ReadAsync("names.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.ImportNameListAsync(order.Id, lineId, list, shop.Employee));

        Assert.False(list.HadHeaderRow);
        Assert.Equal([3], list.Errors.Select(e => e.Row));
        Assert.Contains("Row 3: line 2 has 120 characters", refused.Errors[nameof(NameList)][0]);
        var line = (await app.Orders.GetAsync(order.Id, shop.Employee)).Order.Lines.Single();
        Assert.Equal((2, 0), (line.Quantity, line.Engravings.Count));
    }

    [Fact]
    public async Task A_file_that_is_not_a_csv_is_refused_beside_the_name_list()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => NameListFiles.ReadAsync("names.exe", new MemoryStream([1, 2, 3])));

        Assert.Contains("an Excel workbook or a CSV file", refused.Errors[NameListFiles.Field][0]);
    }

    [Fact]
    public async Task Rush_and_the_location_s_tax_reprice_the_order_and_numbers_follow_each_other()
    {
        var shop = app.Laurel;
        var first = await NewOrderAsync(shop, shop.Riverside, shop.East);
        var second = await NewOrderAsync(shop, shop.Riverside, shop.Main);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(first.Id, new LineRequest(shop.Medal, 20), shop.Employee);
        await app.Orders.AddLineAsync(second.Id, new LineRequest(shop.Medal, 20), shop.Employee);

        await app.Orders.UpdateAsync(second.Id, rush: true, new DateOnly(2026, 12, 5), "Banquet", shop.Employee);

        var untaxed = (await app.Orders.GetAsync(first.Id, shop.Employee)).Order;
        var rushed = (await app.Orders.GetAsync(second.Id, shop.Employee)).Order;
        Assert.Equal(first.Number + 1, second.Number);
        Assert.Equal((75.00m, 0m, 0m, 75.00m), (untaxed.Subtotal, untaxed.RushSurcharge, untaxed.Tax, untaxed.Total));
        Assert.Equal((75.00m, 18.75m, 7.50m, 101.25m), (rushed.Subtotal, rushed.RushSurcharge, rushed.Tax, rushed.Total));
    }

    [Fact]
    public async Task An_order_for_a_location_or_customer_of_another_tenant_is_refused_and_no_number_is_used()
    {
        var shop = app.Laurel;
        using var _ = app.As(shop);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.Orders.CreateAsync(new NewOrder(app.Ribbon.Main, app.Ribbon.Lincoln, OrderSource.WalkIn), shop.Employee));

        Assert.Equal(["CustomerId", "LocationId"], refused.Errors.Keys.Order());
    }

    [Fact]
    public async Task Invalid_transitions_are_refused_with_the_reason_and_the_history_keeps_who_and_why()
    {
        var shop = app.Laurel;
        var order = await NewOrderAsync(shop);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Plaque, 5), shop.Employee);

        var draftToReady = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.ChangeStatusAsync(order.Id, OrderStatus.Ready, null, shop.Employee));
        await app.Orders.ChangeStatusAsync(order.Id, OrderStatus.Quoted, "Quote emailed", shop.Employee);
        var withoutProof = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.ChangeStatusAsync(order.Id, OrderStatus.InProduction, null, shop.Employee));
        var cancelWithoutReason = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, " ", shop.Employee));

        Assert.Equal("An order that is draft cannot become ready.", draftToReady.Errors["Status"][0]);
        Assert.Equal("This order's products need an approved proof before production.", withoutProof.Errors["Status"][0]);
        Assert.Contains("Say why", cancelWithoutReason.Errors["Reason"][0]);
        var saved = (await app.Orders.GetAsync(order.Id, shop.Employee)).Order;
        var change = Assert.Single(saved.StatusChanges);
        Assert.Equal((OrderStatus.Quoted, OrderStatus.Draft, OrderStatus.Quoted, "Eli Employee", "Quote emailed"),
            (saved.Status, change.FromStatus, change.ToStatus, change.ChangedBy.Name, change.Reason));
    }

    [Fact]
    public async Task A_payment_above_the_balance_is_refused_and_a_refund_is_limited_to_what_was_paid()
    {
        var shop = app.Laurel;
        var order = await NewOrderAsync(shop, shop.Riverside, shop.East);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Medal, 10), shop.Employee); // 37.50, no tax

        await app.Orders.RecordPaymentAsync(order.Id, PaymentKind.Deposit, 20m, "Card", "AUTH 1", shop.Employee);
        var tooMuch = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.RecordPaymentAsync(order.Id, PaymentKind.Payment, 17.51m, "Cash", null, shop.Employee));
        var refundTooMuch = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.RecordPaymentAsync(order.Id, PaymentKind.Refund, 20.01m, "Card", null, shop.Employee));
        var byCustomer = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.RecordPaymentAsync(order.Id, PaymentKind.Payment, 1m, "Card", null, shop.RiversidePortal));

        Assert.Equal("The balance due is 17.50.", tooMuch.Errors["Amount"][0]);
        Assert.Equal("Only 20.00 has been paid on this order.", refundTooMuch.Errors["Amount"][0]);
        Assert.Contains("recorded by the store", byCustomer.Errors["Amount"][0]);
        var saved = (await app.Orders.GetAsync(order.Id, shop.Employee)).Order;
        Assert.Equal((20m, 17.50m, 1), (saved.AmountPaid, saved.BalanceDue, saved.Payments.Count));
    }

    [Fact]
    public async Task Two_payments_at_the_same_moment_cannot_both_fit_a_balance_with_room_for_one()
    {
        var shop = app.Laurel;
        var order = await NewOrderAsync(shop, shop.Riverside, shop.East);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Medal, 20), shop.Employee); // 75.00, no tax

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = app.As(shop);
            try
            {
                await app.Orders.RecordPaymentAsync(order.Id, PaymentKind.Payment, 40m, "Card", null, shop.Employee);
                return true;
            }
            catch (DomainValidationException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(ok => ok));
        Assert.Equal(35m, (await app.Orders.GetAsync(order.Id, shop.Employee)).Order.BalanceDue);
    }

    [Fact]
    public async Task A_customer_cannot_see_or_change_another_customer_s_order_and_lists_only_their_own()
    {
        var shop = app.Laurel;
        var lincolns = await NewOrderAsync(shop, shop.Lincoln);
        using var _ = app.As(shop);
        var riversides = await app.Orders.CreateAsync(new NewOrder(shop.Main, shop.Lincoln, OrderSource.WalkIn), shop.RiversidePortal);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Orders.GetAsync(lincolns.Id, shop.RiversidePortal));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Orders.AddLineAsync(lincolns.Id, new LineRequest(shop.Medal, 1), shop.RiversidePortal));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Proofs.ListAsync(lincolns.Id, shop.RiversidePortal));
        var listed = await app.Orders.ListAsync(new OrderFilter(), shop.RiversidePortal, 0, 100);

        // A customer's own order is always theirs and from the portal, whatever the request said.
        Assert.Equal((shop.Riverside, OrderSource.Portal), (riversides.CustomerId, riversides.Source));
        Assert.All(listed, o => Assert.Equal(shop.Riverside, o.CustomerId));
        Assert.Contains(listed, o => o.Id == riversides.Id);
        Assert.Equal(shop.Lincoln, (await app.Orders.GetAsync(lincolns.Id, shop.LincolnPortal)).Order.CustomerId);
    }

    [Fact]
    public async Task A_customer_may_build_and_send_in_their_draft_but_not_move_it_further()
    {
        var shop = app.Laurel;
        using var _ = app.As(shop);
        var order = await app.Orders.CreateAsync(new NewOrder(shop.Main, shop.Riverside, OrderSource.Portal), shop.RiversidePortal);
        await app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Medal, 12), shop.RiversidePortal);

        await app.Orders.ChangeStatusAsync(order.Id, OrderStatus.Quoted, "Please make these", shop.RiversidePortal);
        var edit = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.AddLineAsync(order.Id, new LineRequest(shop.Medal, 1), shop.RiversidePortal));
        var produce = await Assert.ThrowsAsync<DomainValidationException>(() => app.Orders.ChangeStatusAsync(order.Id, OrderStatus.InProduction, null, shop.RiversidePortal));

        Assert.Contains("ask the store", edit.Errors["Status"][0]);
        Assert.Contains("ask the store", produce.Errors["Status"][0]);
        Assert.Equal(OrderStatus.Quoted, (await app.Orders.GetAsync(order.Id, shop.Employee)).Order.Status);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_proof_goes_to_the_customer_whose_approval_lets_the_order_into_production_and_each_side_is_told(string tier)
    {
        var shop = ShopOf(tier);
        var order = await QuotedPlaqueOrderAsync(shop, 3);
        using var _ = app.As(shop);

        var first = await app.Proofs.UploadAsync(order.Id, new ProofUpload("plaque-v1.pdf", "application/pdf", new MemoryStream(PdfBytes)), shop.Employee);
        await app.Proofs.DecideAsync(order.Id, first.Id, ProofStatus.ChangesRequested, "Spell it Rivera", shop.LincolnPortal);
        var second = await app.Proofs.UploadAsync(order.Id, new ProofUpload("plaque-v2.png", "image/png", new MemoryStream(TestImages.Png(4, 4, (0, 0, 0), (255, 255, 255)))), shop.Employee);
        var stale = await Assert.ThrowsAsync<DomainValidationException>(() => app.Proofs.DecideAsync(order.Id, first.Id, ProofStatus.Approved, null, shop.LincolnPortal));
        await app.Proofs.DecideAsync(order.Id, second.Id, ProofStatus.Approved, "Looks great", shop.LincolnPortal);
        await app.Orders.ChangeStatusAsync(order.Id, OrderStatus.InProduction, "Plates cut", shop.Employee);

        var proofs = await app.Proofs.ListAsync(order.Id, shop.LincolnPortal);
        Assert.Equal([(2, ProofStatus.Approved), (1, ProofStatus.ChangesRequested)], proofs.Select(p => (p.Version, p.Status)));
        Assert.Equal(("Spell it Rivera", "Pat Rivera"), (proofs[1].Decisions.Single().Comment, proofs[1].Decisions.Single().DecidedBy.Name));
        Assert.Contains("Version 2 replaced version 1", stale.Errors["Decision"][0]);
        var saved = (await app.Orders.GetAsync(order.Id, shop.Employee)).Order;
        Assert.Equal([OrderStatus.Quoted, OrderStatus.AwaitingProof, OrderStatus.ProofApproved, OrderStatus.InProduction], saved.StatusChanges.Select(c => c.ToStatus));
        await using var db = await app.TenantData.CreateAsync(shop.Tenant);
        var mail = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains($"{order.Number}")).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal([shop.LincolnEmail, shop.OwnerEmail, shop.LincolnEmail, shop.OwnerEmail], mail.Select(m => m.To));
        Assert.Contains($"{shop.Tenant.Identifier}.localhost/portal/orders/{order.Id}", mail[0].TextBody);
        Assert.Contains("Spell it Rivera", mail[1].TextBody);
        Assert.Contains("approved", mail[3].Subject);
    }

    [Fact]
    public async Task A_proof_whose_content_is_not_what_its_name_or_type_says_is_refused_and_nothing_is_kept()
    {
        var shop = app.Laurel;
        var order = await QuotedPlaqueOrderAsync(shop, 1);
        using var _ = app.As(shop);
        var png = TestImages.Png(4, 4, (0, 0, 0), (255, 255, 255));
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var pngNamedPdf = await Assert.ThrowsAsync<DomainValidationException>(() => app.Proofs.UploadAsync(order.Id, new ProofUpload("proof.pdf", "application/pdf", new MemoryStream(png)), shop.Employee));
        var htmlSentAsPng = await Assert.ThrowsAsync<DomainValidationException>(() => app.Proofs.UploadAsync(order.Id, new ProofUpload("proof.png", "image/png", new MemoryStream(html)), shop.Employee));
        var pdfSentAsPng = await Assert.ThrowsAsync<DomainValidationException>(() => app.Proofs.UploadAsync(order.Id, new ProofUpload("proof.pdf", "image/png", new MemoryStream(PdfBytes)), shop.Employee));
        var tooBig = await Assert.ThrowsAsync<DomainValidationException>(() => app.Proofs.UploadAsync(order.Id,
            new ProofUpload("proof.pdf", "application/pdf", new MemoryStream([.. PdfBytes, .. new byte[Proof.MaxSizeBytes]])), shop.Employee));

        Assert.Contains("its content is a PNG image", pngNamedPdf.Errors["File"][0]);
        Assert.Contains("not a PDF, PNG or JPEG", htmlSentAsPng.Errors["File"][0]);
        Assert.Contains("was sent as image/png but its content is a PDF", pdfSentAsPng.Errors["File"][0]);
        Assert.Contains("at most 20 MB", tooBig.Errors["File"][0]);
        Assert.Empty(await app.Proofs.ListAsync(order.Id, shop.Employee));
        Assert.Equal(OrderStatus.Quoted, (await app.Orders.GetAsync(order.Id, shop.Employee)).Order.Status);
    }

    [Fact]
    public async Task A_proof_file_opens_for_the_store_and_its_own_customer_only()
    {
        var shop = app.Laurel;
        var order = await QuotedPlaqueOrderAsync(shop, 1);
        using var _ = app.As(shop);
        var proof = await app.Proofs.UploadAsync(order.Id, new ProofUpload("v1.pdf", null, new MemoryStream(PdfBytes)), shop.Employee);

        var forStore = await app.Proofs.OpenAsync(order.Id, proof.Id, shop.Employee);
        var forOwnCustomer = await app.Proofs.OpenAsync(order.Id, proof.Id, shop.LincolnPortal);
        var forOtherCustomer = await app.Proofs.OpenAsync(order.Id, proof.Id, shop.RiversidePortal);
        var uploadByCustomer = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.Proofs.UploadAsync(order.Id, new ProofUpload("v2.pdf", null, new MemoryStream(PdfBytes)), shop.LincolnPortal));

        using var content = new MemoryStream();
        await forStore!.Content.CopyToAsync(content);
        await forStore.Content.DisposeAsync();
        await forOwnCustomer!.Content.DisposeAsync();
        Assert.Equal(PdfBytes, content.ToArray());
        Assert.Equal(("application/pdf", "v1.pdf"), (forStore.ContentType, forStore.FileName));
        Assert.Null(forOtherCustomer);
        Assert.Contains("uploaded by the store", uploadByCustomer.Errors["File"][0]);
    }

    [Fact]
    public async Task The_list_filters_by_status_location_customer_rush_and_day_and_sums_payments()
    {
        var shop = app.Ribbon;
        var rush = await NewOrderAsync(shop, shop.Riverside, shop.East);
        using var _ = app.As(shop);
        await app.Orders.AddLineAsync(rush.Id, new LineRequest(shop.Medal, 4), shop.Employee);
        await app.Orders.UpdateAsync(rush.Id, true, null, null, shop.Employee);
        await app.Orders.RecordPaymentAsync(rush.Id, PaymentKind.Deposit, 10m, "Cash", null, shop.Employee);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);

        var found = await app.Orders.ListAsync(new OrderFilter([OrderStatus.Draft], shop.East, shop.Riverside, today, today, Rush: true), shop.Employee, 0, 50);
        var tomorrow = await app.Orders.ListAsync(new OrderFilter(CreatedFrom: today.AddDays(1)), shop.Employee, 0, 50);
        var notRush = await app.Orders.ListAsync(new OrderFilter(Rush: false), shop.Employee, 0, 500);

        var row = Assert.Single(found);
        Assert.Equal((rush.Number, "Riverside Little League", "Ribbon Trophies East", 18.75m, 10m, 8.75m),
            (row.Number, row.CustomerName, row.LocationName, row.Total, row.AmountPaid, row.BalanceDue));
        Assert.Empty(tomorrow);
        Assert.DoesNotContain(notRush, o => o.Id == rush.Id);
    }
}
