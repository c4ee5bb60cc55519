using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>The one connection pool for the platform database, shared by every catalog DbContext.</summary>
public sealed class CatalogDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
