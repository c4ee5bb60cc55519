using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>Paintbox data the browser tests start from, in the demo's painting company (kindhome).</summary>
public static class PaintboxExamples
{
    /// <summary>
    /// An exterior estimate with two elevations measured (front and rear) for a new client of kindhome, made as its
    /// estimator (employee@kindhome.test) through the estimate service.
    /// </summary>
    public static async Task<EstimateDetails> TwoElevationEstimateAsync(CandlefishApp app, string clientName)
    {
        var tenant = (await app.Services.GetRequiredService<ITenantStore>().FindAsync("kindhome"))!;
        Guid employeeId;
        await using (var db = await app.TenantData.CreateAsync(tenant))
            employeeId = await db.Users.Where(u => u.Email == DemoUsers.Email("employee", "kindhome")).Select(u => u.Id).SingleAsync();
        using var _ = app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
        var client = await app.Services.GetRequiredService<ClientService>().CreateAsync(
            new ClientInput(clientName, "77 Larkspur Lane\nBoulder, CO 80304", Contacts: [new(null, clientName, "rosalind@example.com")]));
        var exterior = new ExteriorEstimate(
            [
                new Elevation(ElevationSide.Front, true,
                    [new MeasureLine("< 10", "Hardi", 40m, 9m, "Easy", "Body"), new MeasureLine("< 20", "Hardi", 40m, 10m, "Easy", "Body")],
                    FasciaLengthFeet: 40m, TrimLengthFeet: 50m, Windows: 5, AccessDoors: 1),
                new Elevation(ElevationSide.Rear, true, [new MeasureLine("< 20", "Hardi", 36m, 17m, "Difficult", "Body")], FasciaLengthFeet: 36m, Windows: 4),
                new Elevation(ElevationSide.Right, false, []),
                new Elevation(ElevationSide.Left, false, []),
                new Elevation(ElevationSide.Detached, false, []),
            ],
            new ColorPlacement(FrontDoor: "Accent"));
        return await app.Services.GetRequiredService<EstimateService>().CreateAsync(
            new NewEstimate(client.Id, "Two-story exterior repaint", EstimateKind.Exterior, Inputs: new EstimateInputs(exterior, null)),
            new Actor(employeeId, "Kind Home estimator"));
    }
}
