using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;

namespace Candlefish.Infrastructure.CrownTrophy.Orders;

/// <summary>
/// Who acts on orders, and which orders they may reach: a person of the franchise's workspace reaches every order of
/// the tenant; a customer's portal user only their own organization's (<c>Customer.PortalUserId</c>), and another
/// customer's order does not exist for them. The pages and endpoints decide which one a signed-in person is.
/// </summary>
public sealed record OrderCaller(Actor Actor, Guid? CustomerId)
{
    public static OrderCaller Workspace(Actor actor) => new(actor, null);

    public static OrderCaller Customer(Actor actor, Guid customerId) => new(actor, customerId);

    public bool IsCustomer => CustomerId is not null;

    /// <summary>What a customer may do to their own order themselves: build it, send it in, call it off before it is made.</summary>
    internal void EnsureCustomerMay(Order order, OrderStatus? to = null)
    {
        if (!IsCustomer)
            return;
        var allowed = to switch
        {
            null => order.Status == OrderStatus.Draft,
            OrderStatus.Quoted => order.Status == OrderStatus.Draft,
            OrderStatus.Cancelled => order.Status is OrderStatus.Draft or OrderStatus.Quoted,
            _ => false,
        };
        if (!allowed)
            throw FieldErrors.Single(nameof(Order.Status),
                $"Order {order.Number} is {OrderWorkflow.Describe(order.Status)}: ask the store to change it for you.");
    }
}
