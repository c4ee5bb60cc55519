using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Identity;

public static class IdentityServices
{
    /// <summary>
    /// ASP.NET Core Identity over each tenant's own users table, a session cookie per tenant host, and the
    /// authorization policies (faces and permissions).
    /// </summary>
    public static IServiceCollection AddCandlefishIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, TenantRevalidatingAuthenticationStateProvider>();

        // The session cookie for people; an API key (ApiKeyAuthentication) for API clients that present one.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ApiKeyAuthentication.SelectorScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(ApiKeyAuthentication.SelectorScheme, "Session or API key", policy =>
                policy.ForwardDefaultSelector = context => ApiKeyAuthentication.TokenOf(context.Request) is not null
                    ? ApiKeyAuthentication.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            // No Domain: a host-only cookie, so acme.localhost's never reaches kindhome.localhost.
            cookie.Cookie.Name = ".candlefish.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Events.OnValidatePrincipal = TenantCookieValidation.ValidatePrincipalAsync;
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = ".candlefish.2fa";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        // Identity's stores take a scoped context; this one opens its connection per operation.
        services.AddScoped(sp => sp.GetRequiredService<TenantDbContextFactory>().Create());
        services.AddIdentityCore<CandlefishUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TenantDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator<CandlefishUser>>()
            .AddClaimsPrincipalFactory<CandlefishClaimsPrincipalFactory>();

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, FaceHandler>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<PermissionMatrixStore>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().AddRequirements(new FaceRequirement(Policies.Staff)))
            .AddPolicy(Policies.Workspace, p => p.RequireAuthenticatedUser().AddRequirements(new FaceRequirement(Policies.Workspace)))
            .AddPolicy(Policies.Portal, p => p.RequireAuthenticatedUser().AddRequirements(new FaceRequirement(Policies.Portal)))
            // API keys are managed by the business's owners, signed in themselves: not by a key, not in a support visit.
            .AddPolicy(Policies.ManageApiKeys, p => p.RequireAuthenticatedUser().AddRequirements(new FaceRequirement(Policies.Workspace))
                .RequireAssertion(c => c.User.RoleOf() == Domain.Platform.Access.Role.Owner && !c.User.IsApiKey() && !c.User.IsSupport()));
        return services;
    }

    /// <summary>The API answers 401/403 problems; pages redirect to the sign-in or access-denied page.</summary>
    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Tenancy.TenantResolver.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
