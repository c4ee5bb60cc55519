using Npgsql;

namespace Candlefish.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: test.sh starts a private cluster and exports a superuser connection
/// string in CANDLEFISH_TEST_POSTGRES. The tests use the superuser only to set up (roles, databases) and to
/// look; the app connects as the owner and the app roles, as in production.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CANDLEFISH_TEST_POSTGRES";
    public const string OwnerRole = "cf_test_owner";
    public const string AppRole = "cf_test_app";

    /// <summary>Fresh for each test run; set on the roles of every server the tests use.</summary>
    public static readonly string OwnerPassword = Guid.NewGuid().ToString("N");
    public static readonly string AppPassword = Guid.NewGuid().ToString("N");

    private static readonly Lazy<Task> Roles = new(() => EnsureRolesAsync(AdminConnectionString));

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set. Run the tests with ./test.sh, which starts PostgreSQL.");

    /// <summary>Creates (or resets) the owner and app roles on a server, as run.sh does for candlefish_owner/_app.</summary>
    public static async Task EnsureRolesAsync(string adminConnectionString)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString + ";Database=postgres");
        await admin.OpenAsync();
        foreach (var (role, attributes, password) in new[]
                 {
                     (OwnerRole, "LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS", OwnerPassword),
                     (AppRole, "LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS", AppPassword),
                 })
        {
            await using var create = new NpgsqlCommand(
                $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role}; END IF; END $$; " +
                $"ALTER ROLE {role} WITH {attributes} PASSWORD '{password}'", admin);
            try
            {
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another test created it at the same moment.
            }
        }
    }

    /// <summary>A new platform database owned by the owner role, as (owner, app) connection strings.</summary>
    public static async Task<(string Owner, string App)> CreatePlatformDatabaseAsync(string prefix = "cf_test")
    {
        await Roles.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        return (RoleConnection(admin, name, OwnerRole, OwnerPassword), RoleConnection(admin, name, AppRole, AppPassword));
    }

    /// <summary>A platform database for one test (its owner role's connection string), dropped when disposed.</summary>
    public static async Task<ScratchDatabase> CreateScratchDatabaseAsync(string prefix) =>
        new((await CreatePlatformDatabaseAsync(prefix)).Owner);

    public sealed class ScratchDatabase(string ownerConnectionString) : IAsyncDisposable
    {
        public string OwnerConnectionString { get; } = ownerConnectionString;

        public async ValueTask DisposeAsync() =>
            await DropDatabasesAsync(new NpgsqlConnectionStringBuilder(OwnerConnectionString).Database!);
    }

    /// <summary>Drops every database whose name starts with <paramref name="namePrefix"/>.</summary>
    public static async Task DropDatabasesAsync(string namePrefix)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString + ";Database=postgres");
        await admin.OpenAsync();
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", admin);
        list.Parameters.Add(new NpgsqlParameter { Value = namePrefix });
        var names = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public static async Task ExecuteAsync(string sql, string? database = null)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database ?? "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public static string RoleConnection(NpgsqlConnectionStringBuilder server, string database, string role, string password) =>
        new NpgsqlConnectionStringBuilder { Host = server.Host, Port = server.Port, Database = database, Username = role, Password = password }.ConnectionString;
}
