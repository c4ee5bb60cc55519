using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Infrastructure.CrownTrophy.Orders;

/// <summary>
/// The order list as an Excel workbook, through the one Excel writer: the rows the list's filter keeps, read from the
/// database as they are written (no order is held in memory), money as numbers in the business's currency format,
/// dates as dates, and a totals row whose sums are numbers too (computed while writing, so any reader sees them, not
/// only Excel).
/// </summary>
public sealed class OrderExport(OrderService orders, ITenantContext tenants)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly ExcelColumn[] Columns =
    [
        new("Order", 9), new("Created", 12), new("Customer", 32), new("Location", 22), new("Source", 10), new("Status", 15),
        new("Rush", 7), new("Due", 12), new("Subtotal", 13), new("Rush surcharge", 14), new("Tax", 12), new("Total", 13),
        new("Paid", 13), new("Balance due", 14),
    ];

    public static string FileName(DateOnly today) => $"orders-{today:yyyy-MM-dd}.xlsx";

    /// <param name="destination">Readable, writable and seekable (the writer's rule): a temporary file, then sent.</param>
    /// <returns>How many orders were written.</returns>
    public async Task<int> WriteAsync(OrderFilter filter, OrderCaller caller, Stream destination, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        using var workbook = ExcelWorkbookWriter.Create(destination, ExcelWorkbookOptions.ForCurrency(tenant.Currency));
        var sheet = workbook.AddSheet("Orders", Columns);
        var count = 0;
        decimal subtotal = 0, rush = 0, tax = 0, total = 0, paid = 0;
        await foreach (var o in orders.StreamAsync(filter, caller, cancellationToken))
        {
            sheet.WriteRow(
                ExcelCell.Integer(o.Number),
                ExcelCell.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.CreatedAt, zone).DateTime)),
                o.CustomerName, o.LocationName, o.Source.ToString(), o.Status.ToString(), o.IsRush ? "Yes" : "No",
                o.DueDate is { } due ? ExcelCell.Date(due) : ExcelCell.Empty,
                ExcelCell.Money(o.Subtotal), ExcelCell.Money(o.RushSurcharge), ExcelCell.Money(o.Tax), ExcelCell.Money(o.Total),
                ExcelCell.Money(o.AmountPaid), ExcelCell.Money(o.BalanceDue));
            (subtotal, rush, tax, total, paid) = (subtotal + o.Subtotal, rush + o.RushSurcharge, tax + o.Tax, total + o.Total, paid + o.AmountPaid);
            count++;
        }
        sheet.WriteRow(
            ExcelCell.Text($"Total of {count} orders").Bold(), ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty,
            ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Money(subtotal).Bold(), ExcelCell.Money(rush).Bold(), ExcelCell.Money(tax).Bold(),
            ExcelCell.Money(total).Bold(), ExcelCell.Money(paid).Bold(), ExcelCell.Money(total - paid).Bold());
        workbook.Complete();
        return count;
    }
}
