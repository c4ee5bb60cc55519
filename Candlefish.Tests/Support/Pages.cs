using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

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
        // Crown Trophy catalog and customers: ids no tenant has, so each page shows its "not found" panel.
        ["productId"] = "00000000-0000-7000-8000-000000000001",
        ["priceGroupId"] = "00000000-0000-7000-8000-000000000002",
        ["customerId"] = "00000000-0000-7000-8000-000000000003",
        // Crown Trophy inventory: likewise.
        ["stocktakeId"] = "00000000-0000-7000-8000-000000000011",
        ["purchaseOrderId"] = "00000000-0000-7000-8000-000000000012",
    };

    public static IReadOnlyList<PageInfo> All() =>
        typeof(Candlefish.Web.DependencyInjection).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r =>
            {
                var authorize = t.GetCustomAttribute<AuthorizeAttribute>();
                return new PageInfo(t, Fill(r.Template), authorize?.Policy, authorize is not null);
            }))
            .ToList();

    private static string Fill(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{([A-Za-z]+)(:[^}]*)?\\??\\}", m =>
            RouteValues.TryGetValue(m.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"No test value for route parameter '{m.Groups[1].Value}' in {template}: add one to Pages.RouteValues."));
}
