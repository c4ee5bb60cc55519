using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Infrastructure.Paintbox.Estimates;

/// <summary>
/// A saved estimate as an Excel workbook (<see cref="EstimateWorkbook"/>): its client, property and number, its
/// inputs priced with its own price-book version (so the file shows what the client was quoted) and that version's
/// warranties, money in the tenant's currency, dated on the day of its last change in the tenant's time zone.
/// </summary>
public sealed class EstimateExcelExport(EstimateService estimates, ITenantContext tenants)
{
    /// <returns>The file's name.</returns>
    /// <exception cref="KeyNotFoundException">The tenant has no such estimate.</exception>
    public async Task<string> WriteAsync(Guid estimateId, Stream destination, CancellationToken cancellationToken = default)
    {
        var details = await estimates.GetAsync(estimateId, cancellationToken);
        var tenant = tenants.RequiredTenant;
        var estimate = details.Estimate;
        var changed = TimeZoneInfo.ConvertTime(estimate.UpdatedAt, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone));
        var header = new EstimateWorkbookHeader(details.Client.Name, estimate.PropertyAddress, estimate.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.FromDateTime(changed.DateTime));
        var warranties = details.PriceBook.Warranties;
        EstimateWorkbook.Write(destination,
            new EstimateWorkbookContent(header, estimate.Inputs.Exterior, estimate.Inputs.Interior, details.PriceBook.Book, warranties.Exterior, warranties.Interior),
            ExcelWorkbookOptions.ForCurrency(tenant.Currency));
        return EstimateWorkbook.FileName(header);
    }
}
