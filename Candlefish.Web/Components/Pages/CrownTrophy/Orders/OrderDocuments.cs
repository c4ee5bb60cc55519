namespace Candlefish.Web.Components.Pages.CrownTrophy.Orders;

/// <summary>Where an order's documents download from (the API's routes, so pages and API clients share one address).</summary>
public static class OrderDocuments
{
    public static string WorkOrderUrl(Guid orderId) => $"/api/v1/orders/{orderId}/work-order.pdf";

    public static string InvoiceUrl(Guid orderId) => $"/api/v1/orders/{orderId}/invoice.pdf";

    public static string ProofUrl(Guid orderId, Guid proofId) => $"/api/v1/orders/{orderId}/proofs/{proofId}/file";
}
