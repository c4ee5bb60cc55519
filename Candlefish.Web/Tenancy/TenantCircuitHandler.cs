using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Blazor circuits are not HTTP requests. This handler captures the tenant when the circuit opens and
/// restores it around every inbound circuit activity (events, JS interop, navigation, render batches),
/// so components and services read the same tenant for the circuit's whole life. Before each activity it
/// re-reads the tenant from the store: a tenant suspended meanwhile stops the circuit at its next action.
/// </summary>
public sealed class TenantCircuitHandler(
    TenantContextAccessor accessor, ITenantStore store, CircuitContext circuitContext, ILogger<TenantCircuitHandler> logger)
    : CircuitHandler
{
    private TenantInfo? _tenant;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _tenant = accessor.Tenant
            ?? throw new InvalidOperationException("A circuit opened without a resolved tenant; it is refused.");
        circuitContext.Open(circuit.Id);
        logger.LogInformation("Circuit {CircuitId} opened for tenant {TenantId}", circuitContext.ShortId, _tenant.Identifier);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        var captured = _tenant ?? accessor.Tenant
            ?? throw new InvalidOperationException("Circuit activity without a tenant is refused.");
        var current = await store.FindAsync(captured.Identifier);
        // Same identifier is not enough: a deleted tenant's identifier may since belong to another tenant.
        if (current is not { IsActive: true } || current.Id != captured.Id)
            throw new TenantUnavailableException(captured.Identifier);
        _tenant = current;

        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = current.Identifier, ["CircuitId"] = circuitContext.ShortId ?? "-" }))
        using (accessor.BeginScope(current))
        {
            await next(context);
        }
    };
}

public sealed class TenantUnavailableException(string identifier)
    : Exception($"Tenant '{identifier}' is no longer active; its circuit is closed.");
