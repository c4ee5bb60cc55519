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

    public static string Money(decimal amount, string currency) => Candlefish.Web.Components.Shared.Display.Money(amount, currency);

    public static string When(DateTimeOffset at, string timeZone) => Candlefish.Web.Components.Shared.Display.When(at, timeZone);

    public static string Day(DateOnly? day) => day?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) ?? "—";
}
