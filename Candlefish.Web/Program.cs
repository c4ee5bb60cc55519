using Candlefish.Infrastructure;
using Candlefish.Web;
using Candlefish.Web.Commands;

if (PaintboxCommand.Handles(args))
    return PaintboxCommand.Run(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddWebServices();

var app = builder.Build();
if (await app.RunCommandAsync(args))
    return Environment.ExitCode;

app.UseWebPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
