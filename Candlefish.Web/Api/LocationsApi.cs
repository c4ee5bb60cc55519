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
        var group = api.MapGroup("/locations").WithTags("Locations").AddEndpointFilter<TenantDataFilter>();

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
            return TypedResults.ValidationProblem(errors);

        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = await db.Locations.AsNoTracking()
            .OrderBy(l => l.Name).ThenBy(l => l.Id)
            .Skip(request.Skip).Take(request.PageSize + 1)
            .Select(ToResponse)
            .ToListAsync(cancellationToken);
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

    private static readonly System.Linq.Expressions.Expression<Func<Location, LocationResponse>> ToResponse =
        l => new LocationResponse(l.Id, l.Name, l.Street, l.City, l.Region, l.PostalCode, l.Phone, l.TimeZone);
}
