using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Orders;

/// <summary>How an order reached the franchise.</summary>
public enum OrderSource
{
    WalkIn,
    Email,
    Portal,
}

/// <summary>
/// A customer's order at one location: its lines with their engraving, its status and the history of who moved it,
/// its payments, and the totals of its last quote. Prices are never computed here: <see cref="Reprice"/> stores what
/// <see cref="CrownTrophyPricing"/> quoted, so every page, PDF and export shows the same figures.
/// </summary>
public sealed class Order : ITenantOwned
{
    public const int NotesMaxLength = 4000;
    public const int MaxQuantity = 100_000;
    public const int MaxEngravingLinesPerItem = 20;

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _statusChanges = [];
    private readonly List<Payment> _payments = [];

    private Order() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>The tenant's human order number (1001, 1002…), unique in the tenant; allocated by the caller.</summary>
    public int Number { get; private set; }

    public Guid LocationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public OrderSource Source { get; private set; }
    public OrderStatus Status { get; private set; }
    public bool IsRush { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string Notes { get; private set; } = "";

    // The last quote's totals (CrownTrophyPricing): kept, not recomputed, so a printed invoice never changes.
    public decimal Subtotal { get; private set; }
    public decimal RushSurcharge { get; private set; }
    public decimal Tax { get; private set; }
    public decimal Total { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Actor CreatedBy { get; private set; } = Actor.System;

    /// <summary>In the order they print (by sort order).</summary>
    public IReadOnlyList<OrderLine> Lines => _lines.OrderBy(l => l.SortOrder).ToList();

    public IReadOnlyList<OrderStatusChange> StatusChanges => _statusChanges.OrderBy(c => c.ChangedAt).ToList();
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>Some line's product needs a proof: production waits for an approved one.</summary>
    public bool NeedsProof => _lines.Any(l => l.RequiresProof);

    /// <summary>Deposits and payments less refunds.</summary>
    public decimal AmountPaid => _payments.Sum(p => p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount);

    /// <summary>What the customer still owes; negative when the franchise owes the customer a refund.</summary>
    public decimal BalanceDue => Total - AmountPaid;

    /// <summary>Lines, prices and rush can change only before the customer has said yes (Draft, Quoted).</summary>
    public bool IsEditable => Status is OrderStatus.Draft or OrderStatus.Quoted;

    public static Order Create(int number, Guid locationId, Guid customerId, OrderSource source, Actor by, DateTimeOffset now,
        bool rush = false, DateOnly? dueDate = null, string? notes = null)
    {
        if (number < 1)
            throw new ArgumentOutOfRangeException(nameof(number), "Order numbers start at 1.");
        var order = new Order
        {
            Id = Guid.CreateVersion7(now), Number = number, LocationId = locationId, CustomerId = customerId, Source = source,
            Status = OrderStatus.Draft, CreatedAt = now, CreatedBy = by,
        };
        order.Update(rush, dueDate, notes);
        return order;
    }

    public void Update(bool rush, DateOnly? dueDate, string? notes)
    {
        new FieldErrors()
            .When(rush != IsRush && !IsEditable, nameof(IsRush), NotEditable("become rush or stop being one"))
            .MaxLength(nameof(Notes), notes, NotesMaxLength, "notes")
            .ThrowIfAny();
        IsRush = rush;
        DueDate = dueDate;
        Notes = Text.Clean(notes);
    }

    public OrderLine AddLine(Product product, int quantity, EngravingOption? engraving = null, int engravingLinesPerItem = 0)
    {
        EnsureEditable("have its lines changed");
        new FieldErrors().When(!product.IsActive, nameof(OrderLine.ProductId), $"{product.Sku} is no longer sold.").ThrowIfAny();
        ValidateLine(quantity, engraving, engravingLinesPerItem);
        var line = new OrderLine(Id, product, quantity, engraving?.Id, engravingLinesPerItem,
            _lines.Count == 0 ? 1 : _lines.Max(l => l.SortOrder) + 1);
        _lines.Add(line);
        return line;
    }

    /// <summary>Changes a line's quantity or engraving; its engraved items must still fit.</summary>
    public void ChangeLine(Guid lineId, int quantity, EngravingOption? engraving, int engravingLinesPerItem)
    {
        EnsureEditable("have its lines changed");
        var line = LineOf(lineId);
        ValidateLine(quantity, engraving, engravingLinesPerItem);
        new FieldErrors()
            .When(line.Engravings.Count > quantity, nameof(OrderLine.Quantity),
                $"This line has {line.Engravings.Count} engraved items; remove some before ordering {quantity}.")
            .When(line.Engravings.Any(e => e.Lines.Length > engravingLinesPerItem), nameof(OrderLine.EngravingLinesPerItem),
                "Some engraved items have more lines than that.")
            .ThrowIfAny();
        line.Change(quantity, engraving?.Id, engravingLinesPerItem);
    }

    public void RemoveLine(Guid lineId)
    {
        EnsureEditable("have its lines changed");
        _lines.Remove(LineOf(lineId));
    }

    /// <summary>
    /// Sets the text engraved on each item of a line (typed, or one item per row of an uploaded name list), replacing
    /// what it had: at most one item per unit ordered, and no more lines on an item than are paid for.
    /// </summary>
    public void EngraveLine(Guid lineId, IReadOnlyList<EngravedItem> items)
    {
        EnsureEditable("have its engraving changed");
        var line = LineOf(lineId);
        new FieldErrors()
            .When(items.Count > line.Quantity, nameof(OrderLine.Engravings),
                $"{items.Count} engraved items do not fit a line of {line.Quantity}.")
            .When(items.Any(i => i.Lines.Count > line.EngravingLinesPerItem), nameof(OrderLine.Engravings),
                $"Each item has at most {line.EngravingLinesPerItem} engraved line(s) on this order line.")
            .When(items.Any(i => i.Lines.Any(l => Text.Clean(l).Length > OrderLineEngraving.LineMaxLength)), nameof(OrderLine.Engravings),
                $"An engraved line has at most {OrderLineEngraving.LineMaxLength} characters.")
            .When(items.Any(i => i.NameListRow is < 1), nameof(OrderLine.Engravings), "Name-list rows are numbered from 1.")
            .ThrowIfAny();
        line.Engrave(items);
    }

    /// <summary>
    /// Prices the order's lines as they are, with <see cref="CrownTrophyPricing"/>, for the customer's group and the
    /// location's tax; <see cref="Reprice"/> stores the result. Nothing changes here.
    /// </summary>
    /// <param name="products">At least each line's product, with its quantity breaks loaded.</param>
    /// <param name="engravingOptions">At least each engraving option the lines use.</param>
    /// <param name="group">The customer's price group with its prices loaded, or null for list prices.</param>
    public PriceQuote Quote(IEnumerable<Product> products, IEnumerable<EngravingOption> engravingOptions, PriceGroup? group,
        decimal taxRatePercent, decimal rushSurchargePercent = PricingTerms.DefaultRushSurchargePercent)
    {
        var catalog = products.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var rates = engravingOptions.DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => o.ToPricing());
        var lines = Lines.Select(l => new LineToPrice(catalog[l.ProductId].ToPriced(), l.Quantity, l.EngravingLinesPerItem,
            l.EngravingOptionId is { } option ? rates[option] : null)).ToList();
        var terms = new PricingTerms(group?.ToPricing(catalog.ToDictionary(p => p.Key, p => p.Value.Sku)), IsRush, taxRatePercent, rushSurchargePercent);
        return CrownTrophyPricing.Price(lines, terms);
    }

    /// <summary>Stores a quote of this order's lines (from <see cref="Quote"/>): each line's prices and the totals.</summary>
    public void Reprice(PriceQuote quote)
    {
        EnsureEditable("be repriced");
        var lines = Lines;
        if (quote.Lines.Count != lines.Count || quote.Lines.Zip(lines).Any(pair => pair.First.Quantity != pair.Second.Quantity))
            throw new InvalidOperationException("The quote is not for this order's lines as they are now; price them again.");
        foreach (var (priced, line) in quote.Lines.Zip(lines))
            line.SetPrice(priced.UnitPrice, priced.EngravingPerItem, priced.LineTotal);
        (Subtotal, RushSurcharge, Tax, Total) = (quote.Subtotal, quote.RushSurcharge, quote.Tax, quote.Total);
    }

    /// <summary>
    /// Moves the order under <see cref="OrderWorkflow"/> (with its proof rule) and records who, when and why.
    /// <see cref="OrderStatus.ProofApproved"/> is reached only through <see cref="RecordProofApproval"/>, so production
    /// of an order that needs a proof always follows an approved proof.
    /// </summary>
    public OrderStatusChange ChangeStatus(OrderStatus to, Actor by, string? reason, DateTimeOffset now)
    {
        if (to == OrderStatus.ProofApproved)
            throw FieldErrors.Single(nameof(Status), "An order becomes proof approved when its customer approves a proof.");
        return MoveTo(to, by, reason, now);
    }

    /// <summary>The customer approved <paramref name="proof"/>: the order moves from awaiting proof to proof approved.</summary>
    public OrderStatusChange RecordProofApproval(Proof proof, Actor by, DateTimeOffset now)
    {
        if (proof.OrderId != Id)
            throw new InvalidOperationException("That proof belongs to another order.");
        if (proof.Status != ProofStatus.Approved)
            throw FieldErrors.Single(nameof(Status), $"Proof version {proof.Version} has not been approved.");
        return MoveTo(OrderStatus.ProofApproved, by, $"Proof version {proof.Version} approved", now);
    }

    /// <summary>
    /// Records money received (a deposit or payment, up to the balance due) or paid back (a refund, up to what was paid).
    /// </summary>
    public Payment RecordPayment(PaymentKind kind, decimal amount, string method, string? reference, DateTimeOffset receivedAt, Actor by)
    {
        var errors = new FieldErrors()
            .When(amount <= 0m, nameof(Payment.Amount), "The amount must be more than zero.")
            .Money(nameof(Payment.Amount), amount, "amount")
            .Required(nameof(Payment.Method), method, Payment.MethodMaxLength, "payment method")
            .MaxLength(nameof(Payment.Reference), reference, Payment.ReferenceMaxLength, "reference");
        if (kind == PaymentKind.Refund)
            errors.When(amount > AmountPaid, nameof(Payment.Amount), $"Only {AmountPaid:0.00} has been paid on this order.");
        else
            errors.When(Status == OrderStatus.Cancelled, nameof(Payment.Kind), "A cancelled order takes no payments.")
                .When(amount > BalanceDue, nameof(Payment.Amount), $"The balance due is {BalanceDue:0.00}.");
        errors.ThrowIfAny();
        var payment = new Payment(Id, kind, amount, Text.Clean(method), Text.Clean(reference), receivedAt, by);
        _payments.Add(payment);
        return payment;
    }

    private OrderStatusChange MoveTo(OrderStatus to, Actor by, string? reason, DateTimeOffset now)
    {
        OrderWorkflow.EnsureAllowed(Status, to, NeedsProof);
        new FieldErrors()
            .When(to == OrderStatus.Cancelled && string.IsNullOrWhiteSpace(reason), nameof(OrderStatusChange.Reason), "Say why the order is cancelled.")
            .When(to == OrderStatus.Quoted && _lines.Count == 0, nameof(Lines), "Add a line before quoting the order.")
            .MaxLength(nameof(OrderStatusChange.Reason), reason, OrderStatusChange.ReasonMaxLength, "reason")
            .ThrowIfAny();
        var change = new OrderStatusChange(Id, Status, to, by, Text.Clean(reason), now);
        _statusChanges.Add(change);
        Status = to;
        return change;
    }

    private static void ValidateLine(int quantity, EngravingOption? engraving, int engravingLinesPerItem) =>
        new FieldErrors()
            .Range(nameof(OrderLine.Quantity), quantity, 1, MaxQuantity, "quantity")
            .Range(nameof(OrderLine.EngravingLinesPerItem), engravingLinesPerItem, 0, MaxEngravingLinesPerItem, "number of engraved lines")
            .When(engravingLinesPerItem > 0 && engraving is null, nameof(OrderLine.EngravingOptionId), "Choose how the lines are engraved.")
            .ThrowIfAny();

    private OrderLine LineOf(Guid lineId) =>
        _lines.FirstOrDefault(l => l.Id == lineId) ?? throw new KeyNotFoundException($"Order {Number} has no line {lineId}.");

    private void EnsureEditable(string what)
    {
        if (!IsEditable)
            throw FieldErrors.Single(nameof(Status), NotEditable(what));
    }

    private string NotEditable(string what) => $"An order that is {OrderWorkflow.Describe(Status)} can no longer {what}.";
}
