using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OdooFunctions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddOdooFunctions(builder.Configuration);
builder.UseOdooFunctionsMiddleware();
builder.Build().Run();
