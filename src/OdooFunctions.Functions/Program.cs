using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OdooFunctions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddOdooFunctions();
builder.Build().Run();
