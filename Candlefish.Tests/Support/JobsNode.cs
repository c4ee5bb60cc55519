using Candlefish.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Candlefish.Tests.Support;

/// <summary>
/// Another app instance on a test app's database: a generic host with the app's own infrastructure registration and
/// its scheduler on, as a second (or third) node of the cluster would be.
/// </summary>
public static class JobsNode
{
    public static IHost Create(CandlefishApp app, string instanceId, Action<HostApplicationBuilder> declare)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalog"] = app.OwnerConnectionString,
            ["ConnectionStrings:App"] = app.AppConnectionString,
            ["Candlefish:Database:TenantDatabasePrefix"] = app.TenantDatabasePrefix,
            ["Candlefish:Storage:Root"] = app.FilesRoot,
            ["Candlefish:Jobs:Enabled"] = "true",
            ["Candlefish:Jobs:InstanceId"] = instanceId,
        });
        builder.AddInfrastructure();
        declare(builder);
        return builder.Build();
    }
}
