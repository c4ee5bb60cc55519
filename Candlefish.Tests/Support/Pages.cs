using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>A routable page of the web app, with its route filled in and the policy it declares (null: public).</summary>
public sealed record PageInfo(Type Component, string Route, string? Policy, bool RequiresSignIn);

/// <summary>Every routable page, found by reflection over the web assembly, so the sweeps cover new pages by themselves.</summary>
public static class Pages
{
    /// <summary>Values for route parameters; a page with a parameter not listed here fails the sweeps until one is added.</summary>
    public static readonly IReadOnlyDictionary<string, string> RouteValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["identifier"] = "acme",
        // Crown Trophy orders (the store's and the portal's order pages): an id no tenant has, so each page shows its
        // "not found"; DemoValuesAsync finds a real one where a sweep needs the page itself.
        ["orderId"] = "00000000-0000-7000-8000-0000000000a1",
        // Crown Trophy catalog and customers: ids no tenant has, so each page shows its "not found" panel.
        ["productId"] = "00000000-0000-7000-8000-000000000001",
        ["priceGroupId"] = "00000000-0000-7000-8000-000000000002",
        ["customerId"] = "00000000-0000-7000-8000-000000000003",
        // Crown Trophy inventory: likewise.
        ["stocktakeId"] = "00000000-0000-7000-8000-000000000011",
        ["purchaseOrderId"] = "00000000-0000-7000-8000-000000000012",
        // Paintbox clients and estimates: likewise.
        ["clientId"] = "00000000-0000-7000-8000-000000000021",
        ["estimateId"] = "00000000-0000-7000-8000-000000000022",
        // Paintbox proposals: a link token no tenant issued (the client's page is a 404).
        ["token"] = "no-such-proposal-token",
    };

    /// <summary>
    /// Route values that exist only in a running demo app, by parameter name (ids its seed generated): they replace
    /// <see cref="RouteValues"/>' placeholders where a sweep needs a page that really shows something.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> DemoValuesAsync(CandlefishApp app)
    {
        // orderId: an order of acme's demo customer (customer@acme.test orders for one organization in the portal).
        var acme = (await app.Services.GetRequiredService<Candlefish.Infrastructure.Tenancy.ITenantStore>().FindAsync("acme"))!;
        await using var db = await app.TenantData.CreateAsync(acme);
        var email = Candlefish.Web.Identity.DemoUsers.Email("customer", "acme");
        var order = await (from u in db.Users
                           where u.Email == email
                           join c in db.Customers on (Guid?)u.Id equals c.PortalUserId
                           join o in db.Orders on c.Id equals o.CustomerId
                           where o.Status != Candlefish.Domain.CrownTrophy.Orders.OrderStatus.Draft
                           orderby o.Number
                           select o.Id).FirstAsync();
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["orderId"] = order.ToString() };
    }

    public static IReadOnlyList<PageInfo> All(IReadOnlyDictionary<string, string>? demoValues = null) =>
        typeof(Candlefish.Web.DependencyInjection).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r =>
            {
                var authorize = t.GetCustomAttribute<AuthorizeAttribute>();
                return new PageInfo(t, Fill(r.Template, demoValues), authorize?.Policy, authorize is not null);
            }))
            .ToList();

    private static string Fill(string template, IReadOnlyDictionary<string, string>? demoValues) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{([A-Za-z]+)(:[^}]*)?\\??\\}", m =>
            demoValues?.TryGetValue(m.Groups[1].Value, out var demo) == true ? demo
            : RouteValues.TryGetValue(m.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"No test value for route parameter '{m.Groups[1].Value}' in {template}: add one to Pages.RouteValues."));
}
