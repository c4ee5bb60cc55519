namespace Candlefish.Domain.Tenancy;

/// <summary>
/// Data that belongs to one tenant. Every entity of the tenant data model implements it: the tenant id is
/// stamped on insert, filtered on read, and enforced by row-level security in PostgreSQL.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
