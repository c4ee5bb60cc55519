using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Infrastructure.Documents.Pdf;
using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Orders.Documents;

/// <summary>A printed order: the PDF and the name to download it under.</summary>
public sealed record OrderPdf(byte[] Content, string FileName);

/// <summary>
/// The work order and the invoice of an order the caller may reach, printed through the one PDF renderer from the
/// order's saved quote (never repriced here, so a reprinted invoice shows what was charged).
/// </summary>
public sealed class OrderPdfs(OrderService orders, ProofService proofs, BusinessSettingsStore settings, IPdfRenderer pdfs, ITenantContext tenants, TimeProvider clock)
{
    public async Task<OrderPdf> WorkOrderAsync(Guid orderId, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(orderId, caller, withLogo: false, cancellationToken);
        var number = model.Details.Order.Number;
        var pdf = await pdfs.RenderAsync<WorkOrderDocument>(new Dictionary<string, object?> { [nameof(WorkOrderDocument.Model)] = model },
            new PdfPage { Title = $"Work order #{number}", Header = $"{model.Tenant.DisplayName} · Work order #{number}" }, cancellationToken);
        return new OrderPdf(pdf, $"work-order-{number}.pdf");
    }

    public async Task<OrderPdf> InvoiceAsync(Guid orderId, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(orderId, caller, withLogo: true, cancellationToken);
        var number = model.Details.Order.Number;
        var pdf = await pdfs.RenderAsync<InvoiceDocument>(new Dictionary<string, object?> { [nameof(InvoiceDocument.Model)] = model },
            new PdfPage { Title = $"Invoice #{number}", Header = $"{model.Tenant.DisplayName} · Invoice #{number}" }, cancellationToken);
        return new OrderPdf(pdf, $"invoice-{number}.pdf");
    }

    private async Task<OrderDocumentModel> ModelAsync(Guid orderId, OrderCaller caller, bool withLogo, CancellationToken cancellationToken)
    {
        var tenant = tenants.RequiredTenant;
        var details = await orders.GetAsync(orderId, caller, cancellationToken);
        var proofList = await proofs.ListAsync(orderId, caller, cancellationToken);
        return new OrderDocumentModel(tenant, details, proofList, withLogo ? await settings.LogoDataUriAsync(tenant, cancellationToken) : null, clock.GetUtcNow());
    }
}
