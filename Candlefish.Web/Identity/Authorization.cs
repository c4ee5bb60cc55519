using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Identity;

/// <summary>The policies pages and endpoints name: the three faces of the app, and every permission by its name.</summary>
public static class Policies
{
    /// <summary>Candlefish staff on the bare host, signed in with their second factor.</summary>
    public const string Staff = "staff";

    /// <summary>A business tenant's owner, managers and employees (and staff in a support session, read-only).</summary>
    public const string Workspace = "workspace";

    /// <summary>A business tenant's customers.</summary>
    public const string Portal = "portal";

    /// <summary>A business's owner, signed in in person, creating and revoking its API keys.</summary>
    public const string ManageApiKeys = "api-keys";
}

/// <summary>The signed-in user holds <see cref="Permission"/> in the current tenant's permission matrix.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Who belongs where: the role in the cookie, on the host of the tenant that issued it.</summary>
public sealed record FaceRequirement(string Face) : IAuthorizationRequirement;

public sealed class FaceHandler(ITenantContext tenants) : AuthorizationHandler<FaceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FaceRequirement requirement)
    {
        var tenant = tenants.Tenant;
        var user = context.User;
        if (tenant is null || user.TenantOf() != tenant.Identifier || user.RoleOf() is not { } role)
            return Task.CompletedTask;
        var allowed = requirement.Face switch
        {
            Policies.Staff => tenant.IsPlatform && role == Role.Staff && user.UsedTwoFactor(),
            Policies.Workspace => !tenant.IsPlatform && (role.WorksInWorkspace() || role == Role.Staff && user.IsSupport()),
            Policies.Portal => !tenant.IsPlatform && role == Role.Customer,
            _ => false,
        };
        if (allowed)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class PermissionHandler(ITenantContext tenants, PermissionMatrixStore matrices) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var tenant = tenants.Tenant;
        if (tenant is null || tenant.IsPlatform || context.User.TenantOf() != tenant.Identifier || context.User.RoleOf() is not { } role)
            return;
        var permission = Permissions.All.FirstOrDefault(p => p.Name == requirement.Permission);
        if (permission is null || (permission.Product != Domain.Tenancy.Products.None && !tenant.Products.HasFlag(permission.Product)))
            return;
        if (context.User.IsSupport())
        {
            if (SupportPrincipal.AllowsInSupport(requirement.Permission))
                context.Succeed(requirement);
            return;
        }
        if ((await matrices.GetAsync(tenant)).Allows(role, requirement.Permission))
            context.Succeed(requirement);
    }
}

/// <summary>Builds a policy for each permission name on first use, so <c>[Authorize(Policy = "orders.edit")]</c> works.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await base.GetPolicyAsync(policyName) is { } policy)
            return policy;
        if (!Permissions.Exists(policyName))
            return null;
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new FaceRequirement(Policies.Workspace), new PermissionRequirement(policyName))
            .Build();
    }
}
