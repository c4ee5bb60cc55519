using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Candlefish.Web.Components.Pages.Paintbox.Proposals;

/// <summary>How often one address may open or answer proposal links (<c>Candlefish:Paintbox:ProposalLinks</c>).</summary>
public sealed class ProposalLinkOptions
{
    public const string Section = "Candlefish:Paintbox:ProposalLinks";

    /// <summary>Requests per address and minute: a family reading and accepting needs a handful; guessing tokens needs billions.</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// The public proposal page answers anyone with a link, so it is rate limited per client address and tenant host: a
/// fixed window of <see cref="ProposalLinkOptions.PermitsPerMinute"/>, then 429 until the window ends.
/// </summary>
public static class ProposalLinkRateLimit
{
    public const string Policy = "proposal-links";

    public static IServiceCollection AddProposalLinkRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProposalLinkOptions>().Bind(configuration.GetSection(ProposalLinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProposalLinkOptions>>().Value.PermitsPerMinute;
                var key = $"{context.Request.Host.Host}|{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(rejected.HttpContext.Response.WriteAsync("Too many requests for proposals from this address. Try again in a minute.", _));
            };
        });
    }
}
