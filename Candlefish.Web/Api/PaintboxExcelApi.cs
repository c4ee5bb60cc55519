using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>Paintbox estimates in Excel under <c>/api/v1/paintbox/estimates</c>. A tenant without Paintbox gets 404.</summary>
public static class PaintboxExcelApi
{
    public static RouteGroupBuilder MapPaintboxExcelApi(this RouteGroupBuilder api)
    {
        var estimates = api.MapGroup("/paintbox/estimates").WithTags("Paintbox estimates").RequireTenantData().RequireProduct(Products.Paintbox);

        estimates.MapGet("/{id:guid}/export.xlsx", ExportEstimate)
            .WithName("ExportPaintboxEstimate")
            .WithSummary("The estimate as an Excel workbook: a summary of the products (warranty, list price, discount, final price, margin) and the measurement sheets, totals as live formulas")
            .Produces(StatusCodes.Status200OK, contentType: EstimateWorkbook.ContentType)
            .RequireAuthorization(Permissions.ViewEstimates);
        return api;
    }

    /// <summary>Written to a temporary file first (the Excel writer needs a seekable stream), then streamed from disk.</summary>
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportEstimate(Guid id, EstimateExcelExport export, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var name = await export.WriteAsync(id, file, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, EstimateWorkbook.ContentType, name); // disposed (and deleted) once sent
        }
        catch (KeyNotFoundException)
        {
            await file.DisposeAsync();
            return ApiResults.NotFound("estimate", id);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
