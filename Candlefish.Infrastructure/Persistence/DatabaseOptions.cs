using System.ComponentModel.DataAnnotations;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// Connection strings, bound from the <c>ConnectionStrings</c> section (env: <c>ConnectionStrings__Catalog</c>,
/// <c>ConnectionStrings__App</c>). Both point at the platform database, which holds the catalog and the
/// Schema-tier tenants; a Database-tier tenant's server and database come from its catalog row, with the same
/// two roles' credentials.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>
    /// The owner/migrator role: owns the schemas, tables and tenant databases (needs CREATEDB). Used only by
    /// migrations and provisioning.
    /// </summary>
    [Required(ErrorMessage = "ConnectionStrings:Catalog (the owner/migrator role on the platform database) is not set. Run ./run.sh, which starts a local PostgreSQL, or set ConnectionStrings__Catalog.")]
    public string Catalog { get; set; } = "";

    /// <summary>
    /// The app role: owns nothing, is no superuser and has no BYPASSRLS. Every request and circuit uses it.
    /// </summary>
    [Required(ErrorMessage = "ConnectionStrings:App (the app role on the platform database) is not set. Run ./run.sh, or set ConnectionStrings__App.")]
    public string App { get; set; } = "";
}

/// <summary>Bound from <c>Candlefish:Database</c>.</summary>
public sealed class TenantStorageOptions
{
    public const string Section = "Candlefish:Database";

    /// <summary>Name prefix of Database-tier tenants' databases (another prefix lets several catalogs share a server).</summary>
    [RegularExpression("^[a-z][a-z0-9_]{0,20}$", ErrorMessage = "Candlefish:Database:TenantDatabasePrefix must be a short lowercase name prefix.")]
    public string TenantDatabasePrefix { get; set; } = TenantStorage.DefaultDatabasePrefix;
}
