using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>The session settings a leased connection still needs before its first command.</summary>
internal sealed record TenantSession(string TenantId, string QuotedSchema)
{
    public const string Sql = $"SELECT set_config('{RowLevelSecurity.TenantSetting}', $1, false), set_config('search_path', $2, false)";

    public NpgsqlBatchCommand ToBatchCommand() => new(Sql) { Parameters = { new() { Value = TenantId }, new() { Value = QuotedSchema } } };

    public NpgsqlCommand ToCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        new(Sql, connection, transaction) { Parameters = { new() { Value = TenantId }, new() { Value = QuotedSchema } } };
}

/// <summary>
/// Saves the round trip that setting <c>app.tenant_id</c> and the search path would cost on every lease: the
/// first LINQ query of a leased context goes out in one batch behind the settings, and its reader starts at the
/// query's results. Any other first command (SaveChanges, raw SQL) sets them in a round trip of its own first.
/// Until they are set, row-level security shows nothing, so a mistake here fails closed.
/// </summary>
internal sealed class TenantSessionInterceptor : DbCommandInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData) is not { } session)
            return result;
        if (eventData.CommandSource != CommandSource.LinqQuery)
        {
            await using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
            await settings.ExecuteNonQueryAsync(cancellationToken);
            return result;
        }
        var batch = Batch(command, session);
        var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (Take(eventData) is not { } session)
            return result;
        if (eventData.CommandSource != CommandSource.LinqQuery)
        {
            using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
            settings.ExecuteNonQuery();
            return result;
        }
        var reader = Batch(command, session).ExecuteReader();
        reader.NextResult();
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Apply(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Apply(command, eventData);
        return result;
    }

    private static TenantSession? Take(CommandEventData eventData) =>
        eventData.Context is TenantDbContext context ? context.TakePendingSession() : null;

    private static async Task ApplyAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (Take(eventData) is not { } session)
            return;
        await using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        await settings.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbCommand command, CommandEventData eventData)
    {
        if (Take(eventData) is not { } session)
            return;
        using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        settings.ExecuteNonQuery();
    }

    private static NpgsqlBatch Batch(DbCommand command, TenantSession session)
    {
        var query = new NpgsqlBatchCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters)
            query.Parameters.Add(parameter.Clone());
        return new NpgsqlBatch((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction)
        {
            BatchCommands = { session.ToBatchCommand(), query },
        };
    }
}
