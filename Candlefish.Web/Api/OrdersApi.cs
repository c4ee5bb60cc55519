using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Components.Pages.CrownTrophy.Orders.Documents;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// Crown Trophy orders: the list with its filters, one order with its lines, engraving, history and payments, and the
/// changes the workspace makes (create, add a line, move the status, record a payment). Everything goes through
/// <see cref="OrderService"/>, so the API keeps the same rules and prices as the pages.
/// </summary>
public static class OrdersApi
{
    public sealed record OrderSummaryResponse(
        Guid Id, int Number, Guid CustomerId, string CustomerName, Guid LocationId, string LocationName, string Source, string Status,
        bool IsRush, DateOnly? DueDate, DateTimeOffset CreatedAt, decimal Total, decimal AmountPaid, decimal BalanceDue);

    public sealed record EngravedItemResponse(int ItemNumber, IReadOnlyList<string> Lines, int? NameListRow);

    public sealed record OrderLineResponse(
        Guid Id, Guid ProductId, string Sku, string ProductName, int Quantity, Guid? EngravingOptionId, int EngravingLinesPerItem,
        decimal UnitPrice, decimal EngravingPerItem, decimal LineTotal, bool RequiresProof, IReadOnlyList<EngravedItemResponse> Engravings);

    public sealed record StatusChangeResponse(string From, string To, string ChangedBy, DateTimeOffset ChangedAt, string Reason);

    public sealed record PaymentResponse(Guid Id, string Kind, decimal Amount, string Method, string Reference, DateTimeOffset ReceivedAt, string RecordedBy);

    public sealed record OrderResponse(
        Guid Id, int Number, Guid CustomerId, string CustomerName, Guid LocationId, string LocationName, string Source, string Status,
        IReadOnlyList<string> NextStatuses, bool IsRush, DateOnly? DueDate, string Notes, DateTimeOffset CreatedAt, string CreatedBy,
        decimal Subtotal, decimal RushSurcharge, decimal Tax, decimal Total, decimal AmountPaid, decimal BalanceDue,
        IReadOnlyList<OrderLineResponse> Lines, IReadOnlyList<StatusChangeResponse> History, IReadOnlyList<PaymentResponse> Payments);

    /// <summary>A new order: where, for whom, how it came in (WalkIn, Email or Portal; Email when left out).</summary>
    public sealed record CreateOrderRequest(Guid? LocationId, Guid? CustomerId, string? Source, bool? Rush, DateOnly? DueDate, string? Notes);

    /// <summary>A line: a product, how many, how it is engraved, and optionally each item's engraved lines.</summary>
    public sealed record AddLineRequest(Guid? ProductId, int? Quantity, Guid? EngravingOptionId, int? EngravingLinesPerItem, IReadOnlyList<IReadOnlyList<string>>? Engravings);

    public sealed record StatusChangeRequest(string? Status, string? Reason);

    public sealed record PaymentRequest(string? Kind, decimal? Amount, string? Method, string? Reference);

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orders").WithTags("Orders").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListOrders)
            .WithName("ListOrders")
            .WithSummary("Orders, newest first, a page at a time; filter by status (comma-separated), location, customer, creation days and rush")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/export.xlsx", ExportOrders)
            .WithName("ExportOrders")
            .WithSummary("The orders the list's filters keep, newest first, as an Excel workbook with a totals row")
            .Produces(StatusCodes.Status200OK, contentType: OrderExport.ContentType)
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/{id:guid}/work-order.pdf", WorkOrderPdf)
            .WithName("GetWorkOrderPdf")
            .WithSummary("The order's work order (every engraved item's text, the proof's status), as a PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/{id:guid}/invoice.pdf", InvoicePdf)
            .WithName("GetInvoicePdf")
            .WithSummary("The order's invoice (lines, subtotal, rush surcharge, tax, total, payments, balance due), as a PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("One order with its lines, engraved items, status history and payments")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapPost("/", CreateOrder)
            .WithName("CreateOrder")
            .WithSummary("Starts a draft order for a customer at a location, with the next order number")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<CreateOrderRequest>();

        group.MapPost("/{id:guid}/lines", AddOrderLine)
            .WithName("AddOrderLine")
            .WithSummary("Adds a line (and its engraved items) to a draft or quoted order and reprices it")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<AddLineRequest>();

        group.MapPost("/{id:guid}/status", ChangeOrderStatus)
            .WithName("ChangeOrderStatus")
            .WithSummary("Moves the order to another status, with a reason; a move the workflow does not allow is a 409")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<StatusChangeRequest>();

        group.MapGet("/{id:guid}/payments", ListPayments)
            .WithName("ListOrderPayments")
            .WithSummary("The order's deposits, payments and refunds, with what is still due")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapPost("/{id:guid}/payments", RecordPayment)
            .WithName("RecordOrderPayment")
            .WithSummary("Records a deposit or payment (up to the balance due) or a refund (up to what was paid)")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<PaymentRequest>();

        return group;
    }

    public sealed record PaymentsResponse(decimal Total, decimal AmountPaid, decimal BalanceDue, IReadOnlyList<PaymentResponse> Payments);

    internal static async Task<Results<Ok<Page<OrderSummaryResponse>>, ValidationProblem>> ListOrders(
        OrderService orders, HttpContext http, int? page, int? pageSize, string? status, Guid? locationId, Guid? customerId,
        DateOnly? from, DateOnly? to, bool? rush, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        if (OrderQuery.Filter(status, locationId, customerId, from, to, rush) is not { } filter)
            return OrderQuery.InvalidStatus(status);
        var rows = await orders.ListAsync(filter, Caller(http), request.Skip, request.PageSize + 1, cancellationToken);
        return TypedResults.Ok(Page<OrderSummaryResponse>.From(rows.Select(ToSummary).ToList(), request));
    }

    /// <summary>Written to a temporary file first (the Excel writer needs a seekable stream), then streamed from disk.</summary>
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportOrders(
        OrderExport export, HttpContext http, ITenantContext tenants, TimeProvider clock, string? status, Guid? locationId, Guid? customerId,
        DateOnly? from, DateOnly? to, bool? rush, CancellationToken cancellationToken)
    {
        if (OrderQuery.Filter(status, locationId, customerId, from, to, rush) is not { } filter)
            return OrderQuery.InvalidStatus(status);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await export.WriteAsync(filter, Caller(http), file, cancellationToken);
            file.Position = 0;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(tenants.RequiredTenant.TimeZone)).DateTime);
            return TypedResults.File(file, OrderExport.ContentType, OrderExport.FileName(today)); // disposed (and deleted) once sent
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    internal static Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkOrderPdf(
        OrderPdfs pdfs, HttpContext http, Guid id, CancellationToken cancellationToken) =>
        PdfAsync(http, id, () => pdfs.WorkOrderAsync(id, Caller(http), cancellationToken));

    internal static Task<Results<FileContentHttpResult, ProblemHttpResult>> InvoicePdf(
        OrderPdfs pdfs, HttpContext http, Guid id, CancellationToken cancellationToken) =>
        PdfAsync(http, id, () => pdfs.InvoiceAsync(id, Caller(http), cancellationToken));

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(HttpContext http, Guid id, Func<Task<OrderPdf>> print) =>
        ApiResults.InlinePdfAsync(http, "order", id, async () =>
        {
            var pdf = await print();
            return (pdf.Content, pdf.FileName);
        });

    internal static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        OrderService orders, HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(ToResponse(await orders.GetAsync(id, Caller(http), cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
    }

    internal static async Task<Results<Created<OrderResponse>, ValidationProblem>> CreateOrder(
        OrderService orders, HttpContext http, CreateOrderRequest? body, CancellationToken cancellationToken)
    {
        if (body is null)
            return ApiResults.MissingBody("order");
        if (!TryParse<OrderSource>(body.Source ?? nameof(OrderSource.Email), out var source))
            return Invalid(nameof(body.Source), "The source is WalkIn, Email or Portal.");
        try
        {
            var caller = Caller(http);
            var order = await orders.CreateAsync(new NewOrder(body.LocationId ?? Guid.Empty, body.CustomerId ?? Guid.Empty, source,
                body.Rush ?? false, body.DueDate, body.Notes), caller, cancellationToken);
            return TypedResults.Created($"/api/v1/orders/{order.Id}", ToResponse(await orders.GetAsync(order.Id, caller, cancellationToken)));
        }
        catch (DomainValidationException e)
        {
            return Invalid(e);
        }
    }

    internal static Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> AddOrderLine(
        OrderService orders, HttpContext http, Guid id, AddLineRequest? body, CancellationToken cancellationToken) =>
        ChangeAsync(http, id, body, "line", async caller =>
        {
            var lineId = await orders.AddLineAsync(id, new LineRequest(body!.ProductId ?? Guid.Empty, body.Quantity ?? 0, body.EngravingOptionId,
                body.EngravingLinesPerItem ?? 0), caller, cancellationToken);
            if (body.Engravings is { Count: > 0 } items)
                await orders.EngraveAsync(id, lineId, items.Select(lines => new EngravedItem(lines ?? [])).ToList(), caller, cancellationToken);
            return TypedResults.Created($"/api/v1/orders/{id}", ToResponse(await orders.GetAsync(id, caller, cancellationToken)));
        });

    internal static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> ChangeOrderStatus(
        OrderService orders, HttpContext http, Guid id, StatusChangeRequest? body, CancellationToken cancellationToken)
    {
        if (body is null)
            return ApiResults.MissingBody("status change");
        if (!TryParse<OrderStatus>(body.Status, out var to))
            return Invalid(nameof(body.Status), $"The status is one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
        var caller = Caller(http);
        try
        {
            await orders.ChangeStatusAsync(id, to, body.Reason, caller, cancellationToken);
            return TypedResults.Ok(ToResponse(await orders.GetAsync(id, caller, cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (DomainValidationException e) when (e.Errors.ContainsKey(nameof(Order.Status)))
        {
            // The workflow refuses the move from where the order stands now: a conflict with its state, not bad input.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot make that move",
                detail: string.Join(" ", e.Errors[nameof(Order.Status)]));
        }
        catch (DomainValidationException e)
        {
            return Invalid(e);
        }
    }

    internal static async Task<Results<Ok<PaymentsResponse>, ProblemHttpResult>> ListPayments(
        OrderService orders, HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var order = (await orders.GetAsync(id, Caller(http), cancellationToken)).Order;
            return TypedResults.Ok(new PaymentsResponse(order.Total, order.AmountPaid, order.BalanceDue, order.Payments.Select(ToResponse).ToList()));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
    }

    internal static Task<Results<Created<PaymentsResponse>, ValidationProblem, ProblemHttpResult>> RecordPayment(
        OrderService orders, HttpContext http, Guid id, PaymentRequest? body, CancellationToken cancellationToken) =>
        ChangeAsync(http, id, body, "payment", async caller =>
        {
            if (!TryParse<PaymentKind>(body!.Kind ?? nameof(PaymentKind.Payment), out var kind))
                throw FieldErrors.Single(nameof(Payment.Kind), "The kind is Deposit, Payment or Refund.");
            await orders.RecordPaymentAsync(id, kind, body.Amount ?? 0m, body.Method ?? "", body.Reference, caller, cancellationToken);
            var order = (await orders.GetAsync(id, caller, cancellationToken)).Order;
            return TypedResults.Created($"/api/v1/orders/{id}/payments",
                new PaymentsResponse(order.Total, order.AmountPaid, order.BalanceDue, order.Payments.Select(ToResponse).ToList()));
        });

    /// <summary>The API's callers are the franchise's workspace (its policies say so): every order of the tenant.</summary>
    internal static OrderCaller Caller(HttpContext http) => OrderCaller.Workspace(http.User.ActorOf());

    /// <summary>A change with a JSON body: 400 with field errors for a broken rule, 404 for an order the caller cannot reach.</summary>
    internal static async Task<Results<T, ValidationProblem, ProblemHttpResult>> ChangeAsync<T>(
        HttpContext http, Guid id, object? body, string what, Func<OrderCaller, Task<T>> change) where T : IResult
    {
        if (body is null)
            return ApiResults.MissingBody(what);
        try
        {
            return await change(Caller(http));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (DomainValidationException e)
        {
            return Invalid(e);
        }
    }

    internal static ProblemHttpResult NotFound(Guid id) => ApiResults.NotFound("order", id);

    internal static ValidationProblem Invalid(DomainValidationException e) => ApiResults.Problem(e.Errors);

    internal static ValidationProblem Invalid(string field, string message) =>
        ApiResults.Problem(new Dictionary<string, string[]> { [field] = [message] });

    internal static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum =>
        Enum.TryParse(value?.Replace(" ", ""), ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    private static OrderSummaryResponse ToSummary(OrderSummary o) =>
        new(o.Id, o.Number, o.CustomerId, o.CustomerName, o.LocationId, o.LocationName, o.Source.ToString(), o.Status.ToString(), o.IsRush,
            o.DueDate, o.CreatedAt, o.Total, o.AmountPaid, o.BalanceDue);

    private static OrderResponse ToResponse(OrderDetails details)
    {
        var o = details.Order;
        return new OrderResponse(o.Id, o.Number, o.CustomerId, details.Customer.OrganizationName, o.LocationId, details.Location.Name,
            o.Source.ToString(), o.Status.ToString(), OrderWorkflow.AllowedFrom(o.Status, o.NeedsProof).Where(s => s != OrderStatus.ProofApproved).Select(s => s.ToString()).ToList(),
            o.IsRush, o.DueDate, o.Notes, o.CreatedAt, o.CreatedBy.Name, o.Subtotal, o.RushSurcharge, o.Tax, o.Total, o.AmountPaid, o.BalanceDue,
            o.Lines.Select(l => new OrderLineResponse(l.Id, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.EngravingOptionId, l.EngravingLinesPerItem,
                l.UnitPrice, l.EngravingPerItem, l.LineTotal, l.RequiresProof,
                l.Engravings.Select(e => new EngravedItemResponse(e.ItemNumber, e.Lines, e.NameListRow)).ToList())).ToList(),
            o.StatusChanges.Select(c => new StatusChangeResponse(c.FromStatus.ToString(), c.ToStatus.ToString(), c.ChangedBy.Name, c.ChangedAt, c.Reason)).ToList(),
            o.Payments.Select(ToResponse).ToList());
    }

    private static PaymentResponse ToResponse(Payment p) => new(p.Id, p.Kind.ToString(), p.Amount, p.Method, p.Reference, p.ReceivedAt, p.RecordedBy.Name);
}

/// <summary>The list's filters as the API and the export read them from a query string.</summary>
public static class OrderQuery
{
    /// <summary>The filter, or null when a status is not one of the order statuses (or "Open": all but completed and cancelled).</summary>
    public static OrderFilter? Filter(string? status, Guid? locationId, Guid? customerId, DateOnly? from, DateOnly? to, bool? rush)
    {
        var statuses = new List<OrderStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("open", StringComparison.OrdinalIgnoreCase))
                statuses.AddRange(OrderFilter.Open);
            else if (OrdersApi.TryParse<OrderStatus>(name, out var parsed))
                statuses.Add(parsed);
            else
                return null;
        }
        return new OrderFilter(statuses.Count > 0 ? statuses.Distinct().ToList() : null, locationId, customerId, from, to, rush);
    }

    public static ValidationProblem InvalidStatus(string? status) =>
        OrdersApi.Invalid("status", $"'{status}' is not a status: use Open or {string.Join(", ", Enum.GetNames<OrderStatus>())}, separated by commas.");
}
