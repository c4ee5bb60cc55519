using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Orders;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Orders.Documents;

/// <summary>What the work order and the invoice print: the order with its customer and location, its proofs, the business.</summary>
/// <param name="LogoDataUri">The business's logo inlined as a data: URI (the printing browser fetches nothing), or null.</param>
/// <param name="PrintedAt">When the document is made, in UTC (shown in the business's time zone).</param>
public sealed record OrderDocumentModel(TenantInfo Tenant, OrderDetails Details, IReadOnlyList<Proof> Proofs, string? LogoDataUri, DateTimeOffset PrintedAt)
{
    public string Money(decimal amount) => OrderDisplay.Money(amount, Tenant.Currency);

    public string When(DateTimeOffset at) => OrderDisplay.When(at, Tenant.TimeZone);

    public string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(PrintedAt, TimeZoneInfo.FindSystemTimeZoneById(Tenant.TimeZone)).DateTime)
        .ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the proof stands, as the shop floor needs to know before making anything.</summary>
    public string ProofStatus
    {
        get
        {
            var latest = Proofs.MaxBy(p => p.Version);
            if (!Details.Order.NeedsProof && latest is null)
                return "No proof needed";
            if (latest is null)
                return "Needs a proof: none sent yet";
            var decision = latest.Decisions.LastOrDefault();
            return latest.Status switch
            {
                Domain.CrownTrophy.Proofs.ProofStatus.Approved =>
                    $"Proof version {latest.Version} approved by {decision?.DecidedBy.Name}, {When(decision?.DecidedAt ?? latest.UploadedAt)}",
                Domain.CrownTrophy.Proofs.ProofStatus.ChangesRequested => $"Changes requested on proof version {latest.Version}: do not produce",
                _ => $"Proof version {latest.Version} waiting on the customer: do not produce",
            };
        }
    }
}
