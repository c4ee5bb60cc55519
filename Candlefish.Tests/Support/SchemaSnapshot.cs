using Npgsql;

namespace Candlefish.Tests.Support;

/// <summary>
/// What PostgreSQL's catalog says about the tables of a schema: columns (type, nullability, default),
/// indexes, constraints and row-level-security policies, as sorted lines that two databases can compare.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(string connectionString, string schema, params string[] ignoredTables)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        async Task Read(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("schema", schema);
            command.Parameters.AddWithValue("ignored", ignoredTables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString())));
        }

        await Read("""
            SELECT 'column', table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, column_default
            FROM information_schema.columns WHERE table_schema = @schema AND NOT table_name = ANY(@ignored)
            """);
        await Read("""
            SELECT 'index', tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = @schema AND NOT tablename = ANY(@ignored)
            """);
        await Read("""
            SELECT 'constraint', c.relname, con.conname, con.contype::text, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND NOT c.relname = ANY(@ignored)
            """);
        await Read("""
            SELECT 'rls', c.relname, c.relrowsecurity::text, c.relforcerowsecurity::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind = 'r' AND NOT c.relname = ANY(@ignored)
            """);
        await Read("""
            SELECT 'policy', tablename, policyname, permissive, array_to_string(roles, ','), cmd, qual, with_check
            FROM pg_policies WHERE schemaname = @schema AND NOT tablename = ANY(@ignored)
            """);

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
