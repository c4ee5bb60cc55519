using System.ComponentModel.DataAnnotations;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>Connection strings, bound from the <c>ConnectionStrings</c> section (env: <c>ConnectionStrings__Catalog</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>The platform database that holds the tenant catalog.</summary>
    [Required(ErrorMessage = "ConnectionStrings:Catalog is not set. Run ./run.sh (it starts a local PostgreSQL) or set ConnectionStrings__Catalog.")]
    public string Catalog { get; set; } = "";
}
