using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.Paintbox;

/// <summary>
/// The demo's painting business (kindhome), so the pages have something to show: four clients with their contacts and
/// four estimates — an exterior draft with two measured elevations, an interior one sent to the client (whose portal user is
/// the demo's customer), one of both kinds
/// accepted, one lost — priced with BART 3.2's book. Inputs are built here in code (the workbooks of the tests are not
/// shipped with the app). Only for the demo tenants, never in production; one transaction, skipped when the tenant has
/// clients already, so re-running is harmless.
/// </summary>
public sealed class PaintboxDemo(TenantDbContextFactory contexts, TimeProvider clock, ILogger<PaintboxDemo> logger)
{
    /// <returns>True when the demo was seeded, false when the tenant already had clients.</returns>
    public async Task<bool> SeedAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Clients.AnyAsync(cancellationToken))
            return false;
        var now = clock.GetUtcNow();
        await PriceBookService.EnsureDefaultAsync(db, tenant, now, cancellationToken);
        var book = await db.PriceBookVersions.OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.CreatedAt).FirstAsync(cancellationToken);
        var estimator = await db.Users.Where(u => u.Role == Role.Employee).OrderBy(u => u.CreatedAt)
            .Select(u => new Actor(u.Id, u.DisplayName)).FirstOrDefaultAsync(cancellationToken) ?? new Actor(null, "Eli Employee");

        var huss = Client.Create(new ClientDetails("Margaret Huss", "4120 W 29th Ave\nDenver, CO 80212", null, "Yard sign", Notes: "Prefers texts. Dog in the back yard."), now.AddDays(-30));
        huss.AddContact("Margaret Huss", "margaret.huss@example.com", "+1 303 555 0191", "Homeowner");
        var norell = Client.Create(new ClientDetails("Peter Norell", "2875 Vine St\nDenver, CO 80205", "PO Box 118\nDenver, CO 80201", "Referral"), now.AddDays(-21));
        norell.AddContact("Peter Norell", "peter@norell.example", "+1 720 555 0154", "Homeowner");
        norell.AddContact("Anna Norell", "anna@norell.example", "+1 720 555 0155", "Spouse");
        var maple = Client.Create(new ClientDetails("Maple Court HOA", "1500 Maple Ct\nBoulder, CO 80304", null, "Website", "0015e00000AbCdEfAA", Notes: "Board meets on the first Tuesday."), now.AddDays(-14));
        maple.AddContact("Rita Ochoa", "manager@maplecourt.example", "+1 720 555 0172", "Property manager");
        var lindqvist = Client.Create(new ClientDetails("Jonas Lindqvist", "733 Pearl St\nBoulder, CO 80302", null, "Home show"), now.AddDays(-45));
        lindqvist.AddContact("Jonas Lindqvist", "jonas@lindqvist.example", "+1 303 555 0128", "Homeowner");
        // The demo's customer user (customer@kindhome.test) answers Norell's sent proposal in the portal.
        norell.LinkPortalUser(await db.Users.Where(u => u.Role == Role.Customer).OrderBy(u => u.CreatedAt).Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken), now);
        db.Clients.AddRange(huss, norell, maple, lindqvist);
        await db.SaveChangesAsync(cancellationToken);

        async Task<Estimate> AddAsync(Client client, string title, EstimateKind kind, EstimateInputs inputs, int daysAgo)
        {
            var number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Estimates, cancellationToken);
            var (estimate, first) = Estimate.Create(number, client.Id, title, client.ServiceAddress, kind, inputs, book, estimator, now.AddDays(-daysAgo));
            db.Estimates.Add(estimate);
            db.EstimateVersions.Add(first);
            return estimate;
        }

        await AddAsync(huss, "Huss exterior repaint", EstimateKind.Exterior, new EstimateInputs(TwoStoryExterior(), null), 3);
        var sent = await AddAsync(norell, "Norell main floor", EstimateKind.Interior, new EstimateInputs(null, MainFloor()), 10);
        sent.MoveTo(EstimateStatus.Sent, "Emailed the proposal", estimator, now.AddDays(-9));
        var accepted = await AddAsync(maple, "Maple Court clubhouse", EstimateKind.Both, new EstimateInputs(TwoStoryExterior(), MainFloor()), 12);
        accepted.MoveTo(EstimateStatus.Sent, "", estimator, now.AddDays(-11));
        accepted.MoveTo(EstimateStatus.Accepted, "Board approved Emerald", estimator, now.AddDays(-4));
        var lost = await AddAsync(lindqvist, "Lindqvist garage and trim", EstimateKind.Exterior, new EstimateInputs(GarageAndTrim(), null), 40);
        lost.MoveTo(EstimateStatus.Sent, "", estimator, now.AddDays(-38));
        lost.MoveTo(EstimateStatus.Lost, "Went with a lower bid", estimator, now.AddDays(-20));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the Paintbox demo for tenant {TenantId}", tenant.Identifier);
        return true;
    }

    /// <summary>A two-story Hardi house: the front and the right measured, the others not (yet).</summary>
    public static ExteriorEstimate TwoStoryExterior() => new(
        [
            new Elevation(ElevationSide.Front, true,
                [
                    new MeasureLine("< 10", "Hardi", 42m, 9m, "Easy", "Body"),
                    new MeasureLine("< 20", "Hardi", 42m, 10m, "Difficult", "Body"),
                ],
                FasciaLengthFeet: 42m, TrimLengthFeet: 60m, Windows: 6, AccessDoors: 1, NailsPercent: 0.1m, EdgesPercent: 0.05m, Gutters: true),
            new Elevation(ElevationSide.Right, true,
                [new MeasureLine("< 20", "Hardi", 30m, 18m, "Easy", "Body")],
                FasciaLengthFeet: 30m, TrimLengthFeet: 24m, Windows: 3),
            new Elevation(ElevationSide.Rear, false, []),
            new Elevation(ElevationSide.Left, false, []),
            new Elevation(ElevationSide.Detached, false, []),
        ],
        new ColorPlacement(FrontDoor: "Accent"));

    private static ExteriorEstimate GarageAndTrim() => new(
        [
            new Elevation(ElevationSide.Front, true, [new MeasureLine("< 10", "Cedar", 24m, 8m, "Easy", "Body")], TrimLengthFeet: 40m, GarageDoors: 2),
            new Elevation(ElevationSide.Detached, true, [new MeasureLine("< 10", "Cedar", 20m, 8m, "Easy", "Body")], TrimLengthFeet: 30m),
        ],
        new ColorPlacement());

    private static InteriorEstimate MainFloor() => new(
        [
            new InteriorRoom("Living room") { LengthFeet = 18m, WidthFeet = 14m, DoorSides = 2, Patches = 2 },
            new InteriorRoom("Kitchen") { LengthFeet = 12m, WidthFeet = 11m, Scopes = new RoomScopes(Trim: false) },
            new InteriorRoom("Hall bath") { LengthFeet = 8m, WidthFeet = 6m, HeightFeet = 8m, DoorSides = 2 },
        ]);
}
