using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Api;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Candlefish.Web.Bench;

/// <summary>
/// Endpoints for bench/run.sh only, mapped when <c>Candlefish:Bench:Enabled</c> is true (never in a deployment):
/// the baseline the tenancy benchmark compares <c>GET /api/v1/locations</c> with, and a heap probe.
/// </summary>
public static class BenchEndpoints
{
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Candlefish:Bench:Enabled"))
            return app;

        var bench = app.MapGroup("/bench").SkipTenantResolution().ExcludeFromDescription();
        bench.MapGet("/baseline/locations", BaselineLocations);
        bench.MapGet("/heap", Heap);
        return app;
    }

    /// <summary>
    /// The same SELECT and the same JSON as the tenant endpoint, on a connection from the same data source, but with
    /// no tenant layer: no resolution, no EF, no session settings. It reads bench_baseline.locations, a copy of the
    /// tenant's rows without row-level security (which, with no session setting, would rightly hide every row).
    /// </summary>
    private static async Task<Results<Ok<Page<LocationsApi.LocationResponse>>, NotFound>> BaselineLocations(
        string tenant, ITenantStore store, TenantDataSources sources, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(tenant, cancellationToken) is not { } info)
            return TypedResults.NotFound();
        var request = new PageRequest(1, PageRequest.DefaultPageSize);

        await using var connection = await sources.ForTenant(info).OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, name, street, city, region, postal_code, phone, time_zone FROM bench_baseline.locations ORDER BY name, id LIMIT $1 OFFSET $2",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = request.PageSize + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Skip });
        var rows = new List<LocationsApi.LocationResponse>(request.PageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        return TypedResults.Ok(Page<LocationsApi.LocationResponse>.From(rows, request));
    }

    /// <summary>The managed heap after a full, compacting collection.</summary>
    private static Ok<HeapResponse> Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return TypedResults.Ok(new HeapResponse(GC.GetTotalMemory(forceFullCollection: false)));
    }

    public sealed record HeapResponse(long HeapBytes);
}
