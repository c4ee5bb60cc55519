using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Locations;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Orders;

/// <summary>What a new order starts with. A customer's portal order is always theirs and always from the portal.</summary>
public sealed record NewOrder(Guid LocationId, Guid CustomerId, OrderSource Source, bool Rush = false, DateOnly? DueDate = null, string? Notes = null);

/// <summary>A line to add or change: a product, how many, and how each item is engraved.</summary>
public sealed record LineRequest(Guid ProductId, int Quantity, Guid? EngravingOptionId = null, int EngravingLinesPerItem = 0);

/// <summary>An order with what its pages and documents print beside it: the customer, the location, the engraving options' names.</summary>
public sealed record OrderDetails(Order Order, Customer Customer, Location Location)
{
    /// <summary>The name of each engraving option the lines use, by id.</summary>
    public IReadOnlyDictionary<Guid, string> EngravingOptionNames { get; init; } = new Dictionary<Guid, string>();

    public string EngravingName(Guid? optionId) => optionId is { } id && EngravingOptionNames.TryGetValue(id, out var name) ? name : "Engraving";
}

/// <summary>
/// Which orders a list shows: any of the statuses (none: all), one location, one customer, created from one day to
/// another (in the tenant's time zone, both days included), rush or not.
/// </summary>
public sealed record OrderFilter(
    IReadOnlyCollection<OrderStatus>? Statuses = null, Guid? LocationId = null, Guid? CustomerId = null,
    DateOnly? CreatedFrom = null, DateOnly? CreatedTo = null, bool? Rush = null)
{
    /// <summary>Orders still being worked on: neither completed nor cancelled.</summary>
    public static readonly IReadOnlyCollection<OrderStatus> Open =
        Enum.GetValues<OrderStatus>().Except([OrderStatus.Completed, OrderStatus.Cancelled]).ToArray();
}

/// <summary>One order as a list or an export shows it.</summary>
public sealed record OrderSummary(
    Guid Id, int Number, Guid CustomerId, string CustomerName, Guid LocationId, string LocationName, OrderSource Source,
    OrderStatus Status, bool IsRush, DateOnly? DueDate, DateTimeOffset CreatedAt, decimal Subtotal, decimal RushSurcharge,
    decimal Tax, decimal Total, decimal AmountPaid)
{
    public decimal BalanceDue => Total - AmountPaid;
}

/// <summary>What an order form offers to pick from: the tenant's locations, customers, products on sale and engraving options.</summary>
public sealed record OrderChoices(
    IReadOnlyList<OrderChoices.Choice> Locations, IReadOnlyList<OrderChoices.Choice> Customers, IReadOnlyList<OrderChoices.ProductChoice> Products,
    IReadOnlyList<OrderChoices.EngravingChoice> EngravingOptions)
{
    public sealed record Choice(Guid Id, string Name);

    public sealed record ProductChoice(Guid Id, string Sku, string Name, decimal BasePrice, bool RequiresProof)
    {
        public string Label => $"{Sku} · {Name}";
    }

    public sealed record EngravingChoice(Guid Id, string Name, decimal PricePerLine);
}

/// <summary>Where the workspace and the portal show an order (links in emails and between pages).</summary>
public static class OrderPaths
{
    public const string List = "/orders";

    public const string New = "/orders/new";

    public static string Workspace(Guid orderId) => $"/orders/{orderId}";

    public static string Portal(Guid orderId) => $"/portal/orders/{orderId}";
}

/// <summary>
/// The one way pages, the portal and the API change a Crown Trophy order: each call opens a short-lived tenant context,
/// loads the whole order (only one the caller may reach: another customer's is not found), applies the domain's rule
/// and, while the order is still a quote, reprices it through <see cref="CrownTrophyPricing"/> with the customer's price
/// group and the location's sales tax before saving. Broken rules throw <see cref="DomainValidationException"/>; an
/// order, line or reference the caller cannot reach throws <see cref="KeyNotFoundException"/>.
/// </summary>
public sealed class OrderService(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock)
{
    /// <summary>The customer organization a portal user orders for, or null when they are linked to none.</summary>
    public async Task<Guid?> CustomerOfPortalUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Customers.Where(c => c.PortalUserId == userId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Order> CreateAsync(NewOrder request, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        if (caller.CustomerId is { } own)
            request = request with { CustomerId = own, Source = OrderSource.Portal };
        await using var db = await contexts.CreateAsync(cancellationToken);
        new FieldErrors()
            .When(!await db.Locations.AnyAsync(l => l.Id == request.LocationId, cancellationToken), nameof(Order.LocationId), "Choose one of your locations.")
            .When(!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken), nameof(Order.CustomerId), "Choose a customer.")
            .When(!Enum.IsDefined(request.Source), nameof(Order.Source), "Choose walk-in, email or portal.")
            .ThrowIfAny();

        // The number is taken in the transaction that saves the order: a failed save gives it back (DocumentNumbers).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Orders, cancellationToken);
        var order = Order.Create(number, request.LocationId, request.CustomerId, request.Source, caller.Actor, clock.GetUtcNow(),
            request.Rush, request.DueDate, request.Notes);
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    /// <summary>The whole order (lines with their engraving, history, payments) with its customer and location.</summary>
    public async Task<OrderDetails> GetAsync(Guid orderId, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var order = await Whole(db.Orders.AsNoTracking()).Where(Visible(caller)).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw NotFound(orderId);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == order.LocationId, cancellationToken);
        var optionIds = order.Lines.Where(l => l.EngravingOptionId is not null).Select(l => l.EngravingOptionId!.Value).Distinct().ToList();
        var options = await db.EngravingOptions.AsNoTracking().Where(o => optionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new OrderDetails(order, customer, location) { EngravingOptionNames = options };
    }

    /// <summary>Rush, due date and notes; a rush change reprices the order.</summary>
    public Task UpdateAsync(Guid orderId, bool rush, DateOnly? dueDate, string? notes, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            caller.EnsureCustomerMay(order);
            order.Update(rush, dueDate, notes);
            return Task.FromResult(0);
        }, cancellationToken);

    /// <returns>The new line's id.</returns>
    public Task<Guid> AddLineAsync(Guid orderId, LineRequest line, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, async (db, order) =>
        {
            caller.EnsureCustomerMay(order);
            var (product, engraving) = await ReferencesAsync(db, line, cancellationToken);
            return order.AddLine(product, line.Quantity, engraving, line.EngravingLinesPerItem).Id;
        }, cancellationToken);

    /// <summary>A line's quantity and engraving (its product stays: remove the line and add another to change it).</summary>
    public Task ChangeLineAsync(Guid orderId, Guid lineId, LineRequest line, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, async (db, order) =>
        {
            caller.EnsureCustomerMay(order);
            var engraving = await EngravingOptionAsync(db, line.EngravingOptionId, cancellationToken);
            order.ChangeLine(lineId, line.Quantity, engraving, line.EngravingLinesPerItem);
            return 0;
        }, cancellationToken);

    public Task RemoveLineAsync(Guid orderId, Guid lineId, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            caller.EnsureCustomerMay(order);
            order.RemoveLine(lineId);
            return Task.FromResult(0);
        }, cancellationToken);

    /// <summary>The text engraved on each item of a line, typed in; replaces what the line had.</summary>
    public Task EngraveAsync(Guid orderId, Guid lineId, IReadOnlyList<EngravedItem> items, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            caller.EnsureCustomerMay(order);
            order.EngraveLine(lineId, items);
            return Task.FromResult(0);
        }, cancellationToken);

    /// <summary>
    /// Engraves a line from a name list read by <see cref="NameListFiles"/> (one item per row), raising its quantity
    /// and lines per item to fit, and reprices. A list with errors changes nothing.
    /// </summary>
    public Task ImportNameListAsync(Guid orderId, Guid lineId, NameList list, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            caller.EnsureCustomerMay(order);
            order.EngraveFromNameList(lineId, list);
            return Task.FromResult(0);
        }, cancellationToken);

    /// <summary>Moves the order (the domain's workflow, with its proof rule) and records who, when and why.</summary>
    public Task ChangeStatusAsync(Guid orderId, OrderStatus to, string? reason, OrderCaller caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            caller.EnsureCustomerMay(order, to);
            order.ChangeStatus(to, caller.Actor, reason, clock.GetUtcNow());
            return Task.FromResult(0);
        }, cancellationToken, reprice: false);

    /// <summary>A deposit or payment (up to the balance due) or a refund (up to what was paid); the franchise records them.</summary>
    public Task<Guid> RecordPaymentAsync(Guid orderId, PaymentKind kind, decimal amount, string method, string? reference, OrderCaller caller,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(orderId, caller, (_, order) =>
        {
            if (caller.IsCustomer)
                throw FieldErrors.Single(nameof(Payment.Amount), "Payments are recorded by the store.");
            if (!Enum.IsDefined(kind))
                throw FieldErrors.Single(nameof(Payment.Kind), "Choose deposit, payment or refund.");
            return Task.FromResult(order.RecordPayment(kind, amount, method, reference, clock.GetUtcNow(), caller.Actor).Id);
        }, cancellationToken, reprice: false);

    /// <summary>
    /// What the order would cost with <paramref name="extra"/> added (null: as it is), priced the way saving would price
    /// it; nothing is saved. For a page's live totals while a line is being chosen.
    /// </summary>
    public async Task<PriceQuote> PreviewAsync(Guid orderId, LineRequest? extra, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var order = await Whole(db.Orders).Where(Visible(caller)).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound(orderId);
        if (extra is not null)
        {
            var (product, engraving) = await ReferencesAsync(db, extra, cancellationToken);
            order.AddLine(product, extra.Quantity, engraving, extra.EngravingLinesPerItem);
        }
        return await QuoteAsync(db, order, cancellationToken); // the context is dropped unsaved
    }

    /// <summary>A page of orders, newest number first (one row more than <paramref name="take"/> tells whether more follow).</summary>
    public async Task<List<OrderSummary>> ListAsync(OrderFilter filter, OrderCaller caller, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Summaries(db, filter, caller).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>How many orders the filter keeps (for a pager that shows the number of pages).</summary>
    public async Task<int> CountAsync(OrderFilter filter, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Summaries(db, filter, caller).CountAsync(cancellationToken);
    }

    /// <summary>The pickers of an order form, by name (customers: the first 1,000; the picker filters as one types).</summary>
    public async Task<OrderChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return new OrderChoices(
            await db.Locations.AsNoTracking().OrderBy(l => l.Name).Select(l => new OrderChoices.Choice(l.Id, l.Name)).ToListAsync(cancellationToken),
            await db.Customers.AsNoTracking().OrderBy(c => c.OrganizationName).Take(1000)
                .Select(c => new OrderChoices.Choice(c.Id, c.OrganizationName)).ToListAsync(cancellationToken),
            await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Sku)
                .Select(p => new OrderChoices.ProductChoice(p.Id, p.Sku, p.Name, p.BasePrice, p.RequiresProof)).ToListAsync(cancellationToken),
            await db.EngravingOptions.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new OrderChoices.EngravingChoice(o.Id, o.Name, o.PricePerLine)).ToListAsync(cancellationToken));
    }

    /// <summary>Every order the filter keeps, newest first, read as it is consumed (an export of 10,000 orders holds none of them).</summary>
    public async IAsyncEnumerable<OrderSummary> StreamAsync(OrderFilter filter, OrderCaller caller,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await foreach (var row in Summaries(db, filter, caller).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }

    private IQueryable<OrderSummary> Summaries(TenantDbContext db, OrderFilter filter, OrderCaller caller)
    {
        var orders = db.Orders.AsNoTracking().Where(Visible(caller));
        if (filter.Statuses is { Count: > 0 } statuses)
            orders = orders.Where(o => statuses.Contains(o.Status));
        if (filter.LocationId is { } location)
            orders = orders.Where(o => o.LocationId == location);
        if (filter.CustomerId is { } customer)
            orders = orders.Where(o => o.CustomerId == customer);
        if (filter.Rush is { } rush)
            orders = orders.Where(o => o.IsRush == rush);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenants.RequiredTenant.TimeZone);
        if (filter.CreatedFrom is { } from)
        {
            var start = StartOfDay(from, zone);
            orders = orders.Where(o => o.CreatedAt >= start);
        }
        if (filter.CreatedTo is { } to)
        {
            var end = StartOfDay(to.AddDays(1), zone);
            orders = orders.Where(o => o.CreatedAt < end);
        }
        return orders
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, Customer = c.OrganizationName })
            .Join(db.Locations, x => x.o.LocationId, l => l.Id, (x, l) => new { x.o, x.Customer, Location = l.Name })
            .OrderByDescending(x => x.o.Number)
            .Select(x => new OrderSummary(
                x.o.Id, x.o.Number, x.o.CustomerId, x.Customer, x.o.LocationId, x.Location, x.o.Source, x.o.Status, x.o.IsRush, x.o.DueDate,
                x.o.CreatedAt, x.o.Subtotal, x.o.RushSurcharge, x.o.Tax, x.o.Total,
                x.o.Payments.Sum(p => p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount)));
    }

    /// <summary>Midnight of <paramref name="day"/> in the tenant's zone, as an instant.</summary>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    internal static IQueryable<Order> Whole(IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).ThenInclude(l => l.Engravings).Include(o => o.StatusChanges).Include(o => o.Payments).AsSplitQuery();

    internal static System.Linq.Expressions.Expression<Func<Order, bool>> Visible(OrderCaller caller) =>
        caller.CustomerId is { } customer ? o => o.CustomerId == customer : o => true;

    internal static KeyNotFoundException NotFound(Guid orderId) => new($"There is no order {orderId}.");

    private async Task<T> ChangeAsync<T>(Guid orderId, OrderCaller caller, Func<TenantDbContext, Order, Task<T>> change,
        CancellationToken cancellationToken, bool reprice = true)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, orderId, cancellationToken);
        var order = await Whole(db.Orders).Where(Visible(caller)).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound(orderId);
        var result = await change(db, order);
        if (reprice && order.IsEditable)
            order.Reprice(await QuoteAsync(db, order, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Holds the order's row until the transaction ends, so changes to one order happen one after the other: two
    /// payments taken at the same moment cannot both fit a balance that has room for one (a payment or a line is a
    /// new row, which an optimistic check of the order's own row would not see).
    /// </summary>
    internal static Task LockAsync(TenantDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

    /// <summary>The order priced now: its products' list prices and breaks, the customer's group, the location's tax.</summary>
    private static async Task<PriceQuote> QuoteAsync(TenantDbContext db, Order order, CancellationToken cancellationToken)
    {
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.QuantityBreaks).Where(p => productIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var optionIds = order.Lines.Where(l => l.EngravingOptionId is not null).Select(l => l.EngravingOptionId!.Value).Distinct().ToList();
        var options = await db.EngravingOptions.AsNoTracking().Where(o => optionIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var groupId = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.PriceGroupId).SingleAsync(cancellationToken);
        var group = groupId is null ? null : await db.PriceGroups.AsNoTracking().Include(g => g.Prices).SingleAsync(g => g.Id == groupId, cancellationToken);
        var taxPercent = await db.Locations.Where(l => l.Id == order.LocationId).Select(l => l.SalesTaxPercent).SingleAsync(cancellationToken);
        return order.Quote(products, options, group, taxPercent);
    }

    private static async Task<(Product Product, EngravingOption? Engraving)> ReferencesAsync(TenantDbContext db, LineRequest line, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == line.ProductId, cancellationToken)
            ?? throw FieldErrors.Single(nameof(LineRequest.ProductId), "Choose a product from the catalog.");
        return (product, await EngravingOptionAsync(db, line.EngravingOptionId, cancellationToken));
    }

    private static async Task<EngravingOption?> EngravingOptionAsync(TenantDbContext db, Guid? id, CancellationToken cancellationToken) =>
        id is null ? null
            : await db.EngravingOptions.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
              ?? throw FieldErrors.Single(nameof(LineRequest.EngravingOptionId), "Choose one of your engraving options.");
}
