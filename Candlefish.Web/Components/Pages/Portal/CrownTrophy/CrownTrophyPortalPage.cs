using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Portal;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Components.Pages.CrownTrophy.Orders;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Candlefish.Web.Components.Pages.Portal.CrownTrophy;

/// <summary>
/// What every Crown Trophy portal page does first: the signed-in customer user orders for the organization the
/// franchise linked them to (<c>Customer.PortalUserId</c>); until then the page says so and shows nothing else. A
/// business without Crown Trophy has no such page: the product gate answers its requests 404, and the page says the
/// same to a circuit that navigates here (the gate sees HTTP requests only).
/// </summary>
public abstract class CrownTrophyPortalPage : ComponentBase
{
    [Inject]
    protected ITenantContext Tenants { get; set; } = default!;

    [Inject]
    protected CustomerPortal Portal { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected TenantInfo Tenant { get; private set; } = default!;

    /// <summary>The organization the user orders for; null until loaded, or when the user is linked to none.</summary>
    protected PortalCustomer? Customer { get; private set; }

    /// <summary>The signed-in customer user, as histories record them.</summary>
    protected Candlefish.Domain.Platform.Access.Actor Me { get; private set; } = Candlefish.Domain.Platform.Access.Actor.System;

    /// <summary>The page knows who the customer is, or that the user is linked to none.</summary>
    protected bool Loaded { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Tenant = Tenants.RequiredTenant;
        if (!Tenant.HasProduct(Products.CrownTrophy))
        {
            Navigation.NotFound();
            return;
        }
        var user = (await Authentication).User;
        Me = user.ActorOf();
        if (user.UserIdOf() is { } userId)
            Customer = await Portal.FindCustomerAsync(userId);
        if (Customer is not null)
            await LoadAsync(Customer);
        Loaded = true;
    }

    /// <summary>The customer as the order and proof services know a caller: their own organization's orders only.</summary>
    protected Candlefish.Infrastructure.CrownTrophy.Orders.OrderCaller Caller => Customer!.Caller(Me);

    /// <summary>Reads what the page shows, for the linked customer.</summary>
    protected virtual Task LoadAsync(PortalCustomer customer) => Task.CompletedTask;

    protected string Money(decimal amount) => OrderDisplay.Money(amount, Tenant.Currency);

    protected string When(DateTimeOffset at) => OrderDisplay.When(at, Tenant.TimeZone);
}
