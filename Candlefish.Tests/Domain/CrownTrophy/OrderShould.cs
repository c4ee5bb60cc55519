using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class OrderShould
{
    [Fact]
    public void Keep_the_pricing_service_s_quote_on_its_lines_and_totals()
    {
        var (plaque, medal, laser) = (Plaque(), Medal(), Laser());
        var order = NewOrder();
        order.Update(rush: true, dueDate: new DateOnly(2026, 12, 5), notes: "Banquet on the 6th");
        order.AddLine(plaque, 10, laser, engravingLinesPerItem: 3);
        order.AddLine(medal, 20);

        var quote = order.Quote([plaque, medal], [laser], group: null, taxRatePercent: 10.25m);
        order.Reprice(quote);

        Assert.Equal([(21.00m, 1.05m, 220.50m), (3.75m, 0m, 75.00m)], order.Lines.Select(l => (l.UnitPrice, l.EngravingPerItem, l.LineTotal)));
        Assert.Equal((295.50m, 73.88m, 37.86m, 407.24m), (order.Subtotal, order.RushSurcharge, order.Tax, order.Total)); // as CrownTrophyPricingShould
        Assert.Equal(["PLQ-8X10", "MED-2"], order.Lines.Select(l => l.Sku));
    }

    [Fact]
    public void Refuse_a_quote_that_is_not_for_its_lines_as_they_are()
    {
        var plaque = Plaque();
        var order = NewOrder();
        var line = order.AddLine(plaque, 10);
        var quote = order.Quote([plaque], [], group: null, taxRatePercent: 0m);
        order.ChangeLine(line.Id, 12, null, 0);

        Assert.Throws<InvalidOperationException>(() => order.Reprice(quote));
        Assert.Equal(0m, order.Total);
    }

    [Fact]
    public void Make_one_engraved_item_per_name_list_row_within_the_quantity_and_the_paid_lines()
    {
        var order = NewOrder();
        var line = order.AddLine(Plaque(), 276, Laser(), engravingLinesPerItem: 2);
        var names = Enumerable.Range(1, 276).Select(i => new EngravedItem([$"Player {i}", "Spring League 2026"], NameListRow: i + 1)).ToList();

        order.EngraveLine(line.Id, names);
        var tooMany = Assert.Throws<DomainValidationException>(() => order.EngraveLine(line.Id, [.. names, new EngravedItem(["One more"])]));
        var tooLong = Assert.Throws<DomainValidationException>(() => order.EngraveLine(line.Id, [new EngravedItem(["A", "B", "C"])]));

        var engraved = order.Lines.Single().Engravings;
        Assert.Equal(276, engraved.Count);
        Assert.Equal((1, 2, "Player 1"), (engraved[0].ItemNumber, engraved[0].NameListRow, engraved[0].Lines[0]));
        Assert.Equal(276, engraved[^1].ItemNumber);
        Assert.Contains("277 engraved items", tooMany.Errors["Engravings"][0]);
        Assert.Contains("at most 2", tooLong.Errors["Engravings"][0]);
    }

    [Fact]
    public void Record_deposits_and_payments_less_refunds_and_owe_the_rest()
    {
        var order = PricedOrder((Plaque(), 10)); // 10 × 21.00

        order.RecordPayment(PaymentKind.Deposit, 100.00m, "Card", "AUTH 5521", Now, Eli);
        var balanceAfterDeposit = order.BalanceDue;
        order.RecordPayment(PaymentKind.Payment, 110.00m, "Check", "1042", Now.AddDays(7), Eli);
        order.RecordPayment(PaymentKind.Refund, 20.00m, "Card", null, Now.AddDays(8), Eli);

        Assert.Equal(210.00m, order.Total);
        Assert.Equal(110.00m, balanceAfterDeposit);
        Assert.Equal(190.00m, order.AmountPaid);
        Assert.Equal(20.00m, order.BalanceDue);
        Assert.Equal(["AUTH 5521", "1042", ""], order.Payments.Select(p => p.Reference));
        Assert.All(order.Payments, p => Assert.Equal(Eli, p.RecordedBy));
    }

    [Fact]
    public void Refuse_payments_beyond_the_balance_and_refunds_beyond_what_was_paid()
    {
        var order = PricedOrder((Medal(), 4)); // 15.00

        var over = Assert.Throws<DomainValidationException>(() => order.RecordPayment(PaymentKind.Payment, 15.01m, "Cash", null, Now, Eli));
        var refund = Assert.Throws<DomainValidationException>(() => order.RecordPayment(PaymentKind.Refund, 1.00m, "Cash", null, Now, Eli));
        var bad = Assert.Throws<DomainValidationException>(() => order.RecordPayment(PaymentKind.Deposit, -5m, "", null, Now, Eli));

        Assert.Contains("15.00", over.Errors["Amount"][0]);
        Assert.Contains("Only 0.00 has been paid", refund.Errors["Amount"][0]);
        Assert.Contains("Method", bad.Errors.Keys);
        Assert.Contains("Amount", bad.Errors.Keys);
        Assert.Empty(order.Payments);
    }

    [Fact]
    public void Record_each_status_change_with_who_when_and_why()
    {
        var order = PricedOrder((Medal(), 40));

        order.ChangeStatus(OrderStatus.Quoted, Eli, "Emailed the quote", Now);
        order.ChangeStatus(OrderStatus.InProduction, Eli, null, Now.AddHours(2));
        var cancelWithoutReason = Assert.Throws<DomainValidationException>(() => order.ChangeStatus(OrderStatus.Cancelled, Eli, " ", Now.AddHours(3)));

        Assert.Equal(OrderStatus.InProduction, order.Status);
        Assert.Equal(
            [(OrderStatus.Draft, OrderStatus.Quoted, "Eli Employee", Now, "Emailed the quote"), (OrderStatus.Quoted, OrderStatus.InProduction, "Eli Employee", Now.AddHours(2), "")],
            order.StatusChanges.Select(c => (c.FromStatus, c.ToStatus, c.ChangedBy.Name, c.ChangedAt, c.Reason)));
        Assert.Contains("Reason", cancelWithoutReason.Errors.Keys);
    }

    [Fact]
    public void Keep_an_order_that_needs_a_proof_out_of_production_until_a_proof_is_approved()
    {
        var order = PricedOrder((Plaque(), 12));
        order.ChangeStatus(OrderStatus.Quoted, Eli, null, Now);

        var straightToProduction = Assert.Throws<DomainValidationException>(() => order.ChangeStatus(OrderStatus.InProduction, Eli, null, Now));
        order.ChangeStatus(OrderStatus.AwaitingProof, Eli, "Proof v1 sent", Now);
        var byHand = Assert.Throws<DomainValidationException>(() => order.ChangeStatus(OrderStatus.ProofApproved, Eli, null, Now));
        var proof = Proof.Upload(order.Id, 1, "plaque-v1.pdf", "application/pdf", 48_000, Eli, Now);
        var pending = Assert.Throws<DomainValidationException>(() => order.RecordProofApproval(proof, Casey, Now));
        proof.Decide(ProofStatus.Approved, "Looks great", Casey, Now.AddHours(1));
        order.RecordProofApproval(proof, Casey, Now.AddHours(1));
        order.ChangeStatus(OrderStatus.InProduction, Eli, null, Now.AddHours(2));

        Assert.Contains("approved proof", straightToProduction.Errors["Status"][0]);
        Assert.Contains("approves a proof", byHand.Errors["Status"][0]);
        Assert.Contains("not been approved", pending.Errors["Status"][0]);
        Assert.Equal(OrderStatus.InProduction, order.Status);
        Assert.Equal((OrderStatus.ProofApproved, "Casey Customer", "Proof version 1 approved"),
            order.StatusChanges.Where(c => c.ToStatus == OrderStatus.ProofApproved).Select(c => (c.ToStatus, c.ChangedBy.Name, c.Reason)).Single());
    }

    [Fact]
    public void Fix_its_lines_and_prices_once_past_quoted()
    {
        var medal = Medal();
        var order = PricedOrder((medal, 40));
        order.ChangeStatus(OrderStatus.Quoted, Eli, null, Now);
        order.ChangeStatus(OrderStatus.InProduction, Eli, null, Now);

        var add = Assert.Throws<DomainValidationException>(() => order.AddLine(medal, 1));
        var rush = Assert.Throws<DomainValidationException>(() => order.Update(rush: true, null, null));

        Assert.Contains("in production can no longer have its lines changed", add.Errors["Status"][0]);
        Assert.Contains("IsRush", rush.Errors.Keys);
        Assert.Single(order.Lines);
    }
}
