using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>A painting company of the tests: its tenant and its people.</summary>
public sealed record PaintShop(TenantInfo Tenant, Guid OwnerId, Guid EmployeeId)
{
    public string OwnerEmail => $"owner@{Tenant.Identifier}.test";
    public string EmployeeEmail => $"employee@{Tenant.Identifier}.test";
    public Actor Employee => new(EmployeeId, "Eli Employee");
    public Actor Owner => new(OwnerId, "Olivia Owner");

    public static async Task<PaintShop> OpenAsync(CandlefishApp app, string identifier, string name, IsolationTier tier)
    {
        var tenant = await app.AddActiveTenantAsync(new(identifier, name, tier, Products.Paintbox, "America/Denver", "USD"),
            [new($"{name} Main", "1 Main St", "Denver", "CO", "80202", "")]);
        var owner = await app.AddUserAsync(tenant, $"owner@{identifier}.test", Role.Owner);
        var employee = await app.AddUserAsync(tenant, $"employee@{identifier}.test", Role.Employee);
        return new PaintShop(tenant, owner.Id, employee.Id);
    }
}

/// <summary>Two painting companies, one in each isolation tier, for the Paintbox service, API and page tests.</summary>
public class PaintboxApp : CandlefishApp
{
    public PaintShop Brush { get; private set; } = default!;
    public PaintShop Roller { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Brush = await PaintShop.OpenAsync(this, "brush", "Brush Painting", IsolationTier.Schema);
        Roller = await PaintShop.OpenAsync(this, "roller", "Roller Painting", IsolationTier.Database);
    }

    public PaintShop ShopOf(string tier) => tier == "schema" ? Brush : Roller;

    public PaintShop OtherOf(string tier) => tier == "schema" ? Roller : Brush;

    public ClientService Clients => Services.GetRequiredService<ClientService>();
    public EstimateService Estimates => Services.GetRequiredService<EstimateService>();
    public PriceBookService PriceBooks => Services.GetRequiredService<PriceBookService>();

    /// <summary>Runs service calls as <paramref name="shop"/>'s tenant, as a request or a circuit would.</summary>
    public IDisposable As(PaintShop shop) => Services.GetRequiredService<TenantContextAccessor>().BeginScope(shop.Tenant);
}
