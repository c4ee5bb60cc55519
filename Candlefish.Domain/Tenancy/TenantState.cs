namespace Candlefish.Domain.Tenancy;

/// <summary>Lifecycle of a tenant. Only <see cref="Active"/> tenants serve pages or API calls.</summary>
public enum TenantState
{
    Provisioning = 0,
    Active = 1,
    Suspended = 2,
    Deleted = 3,
}
