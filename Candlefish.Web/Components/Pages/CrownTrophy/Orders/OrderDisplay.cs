using System.Globalization;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Radzen;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Orders;

/// <summary>How the order pages write statuses, money and moments: in the franchise's words, currency and time zone.</summary>
public static class OrderDisplay
{
    public static string Label(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingProof => "Awaiting proof",
        OrderStatus.ProofApproved => "Proof approved",
        OrderStatus.InProduction => "In production",
        _ => status.ToString(),
    };

    /// <summary>The button that moves an order there, as the person doing it says it.</summary>
    public static string Action(OrderStatus to) => to switch
    {
        OrderStatus.Draft => "Back to draft",
        OrderStatus.Quoted => "Mark quoted",
        OrderStatus.AwaitingProof => "Send for proof",
        OrderStatus.InProduction => "Start production",
        OrderStatus.Ready => "Mark ready",
        OrderStatus.Completed => "Complete",
        OrderStatus.Cancelled => "Cancel order",
        _ => Label(to),
    };

    /// <summary>Coloured by whose move it is: the customer's (warning), done (success), the store's (info).</summary>
    public static BadgeStyle Style(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingProof => BadgeStyle.Warning,
        OrderStatus.Ready or OrderStatus.Completed or OrderStatus.ProofApproved => BadgeStyle.Success,
        OrderStatus.Cancelled => BadgeStyle.Danger,
        OrderStatus.Draft => BadgeStyle.Secondary,
        _ => BadgeStyle.Info,
    };

    public static string Label(ProofStatus status) => status switch
    {
        ProofStatus.Pending => "Waiting on the customer",
        ProofStatus.ChangesRequested => "Changes requested",
        _ => "Approved",
    };

    public static string Label(OrderSource source) => source == OrderSource.WalkIn ? "Walk-in" : source.ToString();

    public static string Label(PaymentKind kind) => kind.ToString();

    /// <summary>An amount in the business's currency: <c>$1,234.50</c> for dollars, else <c>1,234.50 EUR</c>.</summary>
    public static string Money(decimal amount, string currency) => currency is "USD" or "CAD" or "AUD" or "NZD"
        ? amount.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture)
        : $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>A moment in the business's time zone.</summary>
    public static string When(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) ?? "—";
}
