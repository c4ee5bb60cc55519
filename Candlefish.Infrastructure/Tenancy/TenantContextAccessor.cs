using Candlefish.Domain.Tenancy;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>The current tenant, as code reads it. Null outside any request, circuit activity or tenant scope.</summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }

    /// <summary>The current tenant; throws when code that needs one runs without a tenant scope.</summary>
    TenantInfo RequiredTenant =>
        Tenant ?? throw new InvalidOperationException("No tenant is in scope. Resolve one from the request or open a tenant scope.");
}

/// <summary>
/// The one place the current tenant is held, flowing with the async call (like IHttpContextAccessor and
/// Finbuckle's MultiTenantContextAccessor). <see cref="BeginScope"/> is the only way to set it: the
/// resolution middleware, the circuit handler and background work each open a scope that restores the
/// previous tenant when disposed.
/// </summary>
public sealed class TenantContextAccessor : ITenantContext
{
    private static readonly AsyncLocal<TenantInfo?> Current = new();

    public TenantInfo? Tenant => Current.Value;

    public IDisposable BeginScope(TenantInfo? tenant)
    {
        var previous = Current.Value;
        Current.Value = tenant;
        return new Restore(previous);
    }

    private sealed class Restore(TenantInfo? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Current.Value = previous;
        }
    }
}
