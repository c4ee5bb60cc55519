using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Orders;

public enum PaymentKind
{
    /// <summary>Taken up front, before production.</summary>
    Deposit,
    Payment,
    /// <summary>Paid back to the customer; counts against what was paid.</summary>
    Refund,
}

/// <summary>Money received for an order, or paid back. The amount is always positive; the kind gives its direction.</summary>
public sealed class Payment : ITenantOwned
{
    public const int MethodMaxLength = 40;
    public const int ReferenceMaxLength = 100;

    private Payment() { }

    internal Payment(Guid orderId, PaymentKind kind, decimal amount, string method, string reference, DateTimeOffset receivedAt, Actor by) =>
        (Id, OrderId, Kind, Amount, Method, Reference, ReceivedAt, RecordedBy) =
        (Guid.CreateVersion7(receivedAt), orderId, kind, amount, method, reference, receivedAt, by);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid OrderId { get; private set; }
    public PaymentKind Kind { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>Card, cash, check, purchase order… as the franchise calls it.</summary>
    public string Method { get; private set; } = "";

    /// <summary>A check number or card authorization; empty when none.</summary>
    public string Reference { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }
    public Actor RecordedBy { get; private set; } = Actor.System;
}
