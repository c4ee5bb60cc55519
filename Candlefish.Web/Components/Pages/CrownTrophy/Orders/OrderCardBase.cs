using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Orders;

/// <summary>
/// One card of the order page: it shows the order and changes it through the services, then tells the page to read
/// the order again (so totals, history and the status buttons always show what was saved).
/// </summary>
public abstract class OrderCardBase : ComponentBase
{
    [Parameter, EditorRequired]
    public OrderDetails Details { get; set; } = default!;

    [Parameter, EditorRequired]
    public OrderCaller Caller { get; set; } = default!;

    [Parameter]
    public bool CanEdit { get; set; }

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    protected OrderService Orders { get; set; } = default!;

    [Inject]
    protected ITenantContext Tenants { get; set; } = default!;

    [Inject]
    protected Radzen.NotificationService Notifications { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = Shared.FieldErrors.None;

    protected bool Busy { get; private set; }

    protected string Money(decimal amount) => OrderDisplay.Money(amount, Tenants.RequiredTenant.Currency);

    protected string When(DateTimeOffset at) => OrderDisplay.When(at, Tenants.RequiredTenant.TimeZone);

    /// <summary>Runs a change; on success says so, tells the page, and returns true; a broken rule shows beside its field.</summary>
    protected async Task<bool> SaveAsync(Func<Task> change, string done, string fallbackField = "")
    {
        Busy = true;
        try
        {
            Errors = await Shared.FieldErrors.TryAsync(change, fallbackField);
        }
        finally
        {
            Busy = false;
        }
        if (Errors.Count > 0)
            return false;
        Notifications.Notify(Radzen.NotificationSeverity.Success, done);
        await Changed.InvokeAsync();
        return true;
    }
}
