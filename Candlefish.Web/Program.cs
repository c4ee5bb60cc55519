using Candlefish.Infrastructure;
using Candlefish.Web;
using Candlefish.Web.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddWebServices();

var app = builder.Build();
if (await app.RunCommandAsync(args))
    return;

app.UseWebPipeline();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
