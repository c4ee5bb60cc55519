using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure;

internal static class OptionsRegistration
{
    /// <summary>
    /// Options bound from a configuration section, checked against their data annotations when the app starts (so a
    /// bad setting stops the start with its key named, rather than failing later). Returns the builder for more rules.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>()
            .Bind(builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
