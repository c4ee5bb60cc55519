using Candlefish.Domain.Tenancy;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>Where a tenant's tables live: a server, a database and the schema its search path names.</summary>
public sealed record TenantStorage(string Host, int Port, string Database, string Schema)
{
    public const string DefaultDatabasePrefix = "candlefish_t_";
    public const string SchemaPrefix = "t_";

    /// <summary>The key of the physical database, the unit that gets one connection pool.</summary>
    public string DatabaseKey => $"{Host}:{Port}/{Database}";

    /// <summary>The schema as a quoted identifier (tenant identifiers may contain hyphens).</summary>
    public string QuotedSchema => Quote(Schema);

    public string QuotedDatabase => Quote(Database);

    /// <summary>
    /// Schema tier: schema <c>t_&lt;identifier&gt;</c> in the platform database. Database tier: the same schema
    /// name inside its own database, <c>candlefish_t_&lt;identifier&gt;</c> unless its target names another, on
    /// the target's server or else the platform's.
    /// </summary>
    public static TenantStorage For(TenantInfo tenant, NpgsqlConnectionStringBuilder platform, string databasePrefix = DefaultDatabasePrefix)
    {
        var schema = SchemaPrefix + tenant.Identifier;
        if (tenant.Tier == IsolationTier.Schema)
            return new TenantStorage(platform.Host!, platform.Port, platform.Database!, schema);

        var target = ParseTarget(tenant.DatabaseTarget);
        return new TenantStorage(
            target?.Host ?? platform.Host!,
            target is { Host: not null } ? target.Port : platform.Port,
            target?.Database ?? databasePrefix + tenant.Identifier,
            schema);
    }

    /// <summary>
    /// Checks a Database-tier target: a connection string naming a server (and optionally port and database),
    /// without credentials, which come from configuration. Returns a message a person can act on, or null.
    /// </summary>
    public static string? ValidateTarget(string? target, string platformDatabase, string databasePrefix = DefaultDatabasePrefix)
    {
        if (string.IsNullOrWhiteSpace(target))
            return null; // the platform's server, database candlefish_t_<identifier>
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(target);
        }
        catch (ArgumentException e)
        {
            return $"The database target is not a valid connection string: {e.Message}";
        }
        if (string.IsNullOrEmpty(parsed.Host))
            return "The database target must name a server, e.g. Host=db2.internal;Port=5432.";
        if (!string.IsNullOrEmpty(parsed.Username) || !string.IsNullOrEmpty(parsed.Password))
            return "The database target must not hold credentials: the owner and app roles' credentials come from configuration.";
        if (parsed.Database is { } database)
        {
            if (database.Length > 63 || database.Contains('"'))
                return "The database name in the target is not a valid PostgreSQL name.";
            // Deleting the tenant drops this database: it must be one made for a tenant, never the platform's or another's.
            if (database == platformDatabase || !database.StartsWith(databasePrefix, StringComparison.Ordinal))
                return $"The database in the target must be a tenant database named {databasePrefix}…, or be left out.";
        }
        return null;
    }

    public NpgsqlConnectionStringBuilder WithCredentialsOf(NpgsqlConnectionStringBuilder role, string? database = null) =>
        new(role.ConnectionString) { Host = Host, Port = Port, Database = database ?? Database };

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static NpgsqlConnectionStringBuilder? ParseTarget(string? target) =>
        string.IsNullOrWhiteSpace(target) ? null : new NpgsqlConnectionStringBuilder(target);
}
