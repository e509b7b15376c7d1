using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OdooFunctions.Functions;
using OdooFunctions.Functions.Settings;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddOdooFunctions();
using var host = builder.Build();
// Before the host starts: a bad configuration stops it with one message naming every problem of every part.
host.Services.CheckSettings();
host.Run();
