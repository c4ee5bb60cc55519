using Candlefish.Domain.Platform.Locations;
using Candlefish.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Web.Api;

/// <summary>The tenant's locations (stores, shops, box offices).</summary>
public static class LocationsApi
{
    public sealed record LocationResponse(
        Guid Id, string Name, string Street, string City, string Region, string PostalCode, string Phone, string TimeZone);

    public static RouteGroupBuilder MapLocationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations").WithTags("Locations").RequireTenantData()
            .RequireAuthorization(Identity.Policies.Workspace);

        group.MapGet("/", ListLocations)
            .WithName("ListLocations")
            .WithSummary("The tenant's locations, by name, a page at a time")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetLocation)
            .WithName("GetLocation")
            .WithSummary("One location");

        return group;
    }

    internal static async Task<Results<Ok<Page<LocationResponse>>, ValidationProblem>> ListLocations(
        TenantDbContextFactory contexts, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);

        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = new List<LocationResponse>(request.PageSize + 1);
        await foreach (var row in ListQuery(db, request.Skip, request.PageSize + 1).WithCancellation(cancellationToken))
            rows.Add(row);
        return TypedResults.Ok(Page<LocationResponse>.From(rows, request));
    }

    internal static async Task<Results<Ok<LocationResponse>, ProblemHttpResult>> GetLocation(
        TenantDbContextFactory contexts, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == id).Select(ToResponse).SingleOrDefaultAsync(cancellationToken);
        return location is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no location {id}.")
            : TypedResults.Ok(location);
    }

    // Declared before ListQuery: static fields initialize in order.
    private static readonly System.Linq.Expressions.Expression<Func<Location, LocationResponse>> ToResponse =
        l => new LocationResponse(l.Id, l.Name, l.Street, l.City, l.Region, l.PostalCode, l.Phone, l.TimeZone);

    // Compiled once: the hot list query skips EF's per-call expression building and cache lookup. The tenant query
    // filter still applies (it reads the leased context's tenant).
    private static readonly Func<TenantDbContext, int, int, IAsyncEnumerable<LocationResponse>> ListQuery =
        EF.CompileAsyncQuery((TenantDbContext db, int skip, int take) => db.Locations.AsNoTracking()
            .OrderBy(l => l.Name).ThenBy(l => l.Id)
            .Skip(skip).Take(take)
            .Select(ToResponse));
}
