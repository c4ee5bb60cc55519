using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Orders;

/// <summary>One move of an order's status: from what to what, who moved it, when and why. Never changed afterwards.</summary>
public sealed class OrderStatusChange : ITenantOwned
{
    public const int ReasonMaxLength = 500;

    private OrderStatusChange() { }

    internal OrderStatusChange(Guid orderId, OrderStatus from, OrderStatus to, Actor by, string reason, DateTimeOffset at) =>
        (Id, OrderId, FromStatus, ToStatus, ChangedBy, Reason, ChangedAt) = (Guid.CreateVersion7(at), orderId, from, to, by, reason, at);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid OrderId { get; private set; }
    public OrderStatus FromStatus { get; private set; }
    public OrderStatus ToStatus { get; private set; }
    public Actor ChangedBy { get; private set; } = Actor.System;
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Why, in the mover's words; empty when none was given.</summary>
    public string Reason { get; private set; } = "";
}
