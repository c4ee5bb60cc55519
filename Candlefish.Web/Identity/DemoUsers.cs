using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Identity;

/// <summary>
/// The demo's people, added only with the demo tenants (<c>./run.sh</c> on an empty database, <c>seed-demo</c>),
/// never in production: a staff member, and an owner, an employee and a customer for each demo tenant. README.md
/// lists them.
/// </summary>
public static class DemoUsers
{
    public const string Password = "candlefish-demo-2026";
    public const string StaffEmail = "staff@candlefish.test";

    public static string Email(string role, string tenant) => $"{role}@{tenant}.test";

    public static async Task SeedAsync(IServiceProvider services, IEnumerable<string> tenantIdentifiers, CancellationToken cancellationToken = default)
    {
        var accessor = services.GetRequiredService<TenantContextAccessor>();
        var store = services.GetRequiredService<ITenantStore>();
        await AddAsync(services, accessor, TenantInfo.Platform, StaffEmail, "Sam Staff", Role.Staff);
        foreach (var identifier in tenantIdentifiers)
        {
            if (await store.FindAsync(identifier, cancellationToken) is not { IsActive: true } tenant)
                continue;
            await AddAsync(services, accessor, tenant, Email("owner", identifier), "Olivia Owner", Role.Owner);
            await AddAsync(services, accessor, tenant, Email("employee", identifier), "Eli Employee", Role.Employee);
            await AddAsync(services, accessor, tenant, Email("customer", identifier), "Casey Customer", Role.Customer);
        }
    }

    /// <summary>Adds one user to a tenant unless the email is taken there (re-running is harmless).</summary>
    public static async Task<CandlefishUser> AddAsync(IServiceProvider services, TenantContextAccessor accessor, TenantInfo tenant,
        string email, string displayName, Role role, string password = Password)
    {
        using var tenantScope = accessor.BeginScope(tenant);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
            return existing;
        var user = new CandlefishUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            Role = role,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not add {email} to {tenant.Identifier}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        return user;
    }
}
