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
/// The settings count as applied only once a command succeeded; a failed command or a rolled-back transaction
/// (set_config is transactional) sends them again. Until they are set, row-level security shows nothing, so a
/// mistake here fails closed.
/// </summary>
internal sealed class TenantSessionInterceptor : DbCommandInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Pending(eventData) is not var (context, session))
            return result;
        if (eventData.CommandSource != CommandSource.LinqQuery)
        {
            await ApplyAsync(command, context, session, cancellationToken);
            return result;
        }
        var reader = await Batch(command, session).ExecuteReaderAsync(cancellationToken);
        try
        {
            await reader.NextResultAsync(cancellationToken);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
        context.SessionApplied();
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (Pending(eventData) is not var (context, session))
            return result;
        if (eventData.CommandSource != CommandSource.LinqQuery)
        {
            Apply(command, context, session);
            return result;
        }
        var reader = Batch(command, session).ExecuteReader();
        try
        {
            reader.NextResult();
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        context.SessionApplied();
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Pending(eventData) is var (context, session))
            await ApplyAsync(command, context, session, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Pending(eventData) is var (context, session))
            Apply(command, context, session);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Pending(eventData) is var (context, session))
            await ApplyAsync(command, context, session, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (Pending(eventData) is var (context, session))
            Apply(command, context, session);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();
        return Task.CompletedTask;
    }

    private static (TenantDbContext Context, TenantSession Session)? Pending(CommandEventData eventData) =>
        eventData.Context is TenantDbContext { PendingSession: { } session } context ? (context, session) : null;

    private static async Task ApplyAsync(DbCommand command, TenantDbContext context, TenantSession session, CancellationToken cancellationToken)
    {
        await using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        await settings.ExecuteNonQueryAsync(cancellationToken);
        context.SessionApplied();
    }

    private static void Apply(DbCommand command, TenantDbContext context, TenantSession session)
    {
        using var settings = session.ToCommand((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        settings.ExecuteNonQuery();
        context.SessionApplied();
    }

    private static NpgsqlBatch Batch(DbCommand command, TenantSession session)
    {
        var query = new NpgsqlBatchCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters)
            query.Parameters.Add(parameter.Clone());
        return new NpgsqlBatch((NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction)
        {
            BatchCommands = { session.ToBatchCommand(), query },
            Timeout = command.CommandTimeout,
        };
    }
}

/// <summary>
/// A context leased without an open connection (<see cref="TenantDbContextFactory.Create"/>) lets EF open and close
/// it per operation; each open is a fresh lease from the pool, whose session settings were reset.
/// </summary>
internal sealed class TenantSessionConnectionInterceptor : DbConnectionInterceptor
{
    public static readonly TenantSessionConnectionInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();
        return Task.CompletedTask;
    }
}

/// <summary>A rolled-back transaction takes set_config with it: the next command sends the settings again.</summary>
internal sealed class TenantSessionTransactionInterceptor : DbTransactionInterceptor
{
    public static readonly TenantSessionTransactionInterceptor Instance = new();

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TenantDbContext)?.SessionMayBeLost();
        return Task.CompletedTask;
    }
}
