using Microsoft.EntityFrameworkCore.Migrations;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// Row-level security for tenant-owned tables (DESIGN.md, "Defence in depth"): enabled and forced (so the
/// owner is bound too), one policy comparing <c>tenant_id</c> with the session's <c>app.tenant_id</c>. With the
/// setting unset, <c>current_setting(…, true)</c> is null or empty and no row matches.
/// </summary>
public static class RowLevelSecurity
{
    public const string TenantSetting = "app.tenant_id";
    public const string PolicyName = "tenant_isolation";

    /// <summary>The SQL for one table; the migrations and the drift test's expected schema both use it.</summary>
    public static string Sql(string table)
    {
        var quoted = TenantStorage.Quote(table);
        const string predicate = $"tenant_id = current_setting('{TenantSetting}', true)";
        return $"""
            ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {quoted} FORCE ROW LEVEL SECURITY;
            CREATE POLICY {PolicyName} ON {quoted} USING ({predicate}) WITH CHECK ({predicate});
            """;
    }

    /// <summary>In a migration, right after the CreateTable of a tenant-owned table.</summary>
    public static MigrationBuilder EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql(Sql(table));
        return migrationBuilder;
    }
}
