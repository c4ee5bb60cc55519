using Npgsql;

namespace Candlefish.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: test.sh starts a private cluster and exports a superuser
/// connection string in CANDLEFISH_TEST_POSTGRES. Each fixture creates databases of its own on it.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CANDLEFISH_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set. Run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<string> CreateDatabaseAsync(string prefix = "cf_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 63)];
        await using var admin = new NpgsqlConnection(AdminConnectionString + ";Database=postgres");
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString + ";Database=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
