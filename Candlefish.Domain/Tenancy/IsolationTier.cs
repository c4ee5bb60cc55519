namespace Candlefish.Domain.Tenancy;

/// <summary>Where a tenant's data lives (DESIGN.md, "Isolation tiers").</summary>
public enum IsolationTier
{
    /// <summary>Its own schema <c>t_&lt;identifier&gt;</c> in the shared tenant database.</summary>
    Schema = 0,

    /// <summary>Its own database <c>candlefish_t_&lt;identifier&gt;</c>, possibly on another server.</summary>
    Database = 1,
}
