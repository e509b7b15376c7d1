using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OdooFunctions.Doubles;

/// <summary>The one way every double (and the Functions test host) listens: Kestrel on 127.0.0.1 only, quiet.</summary>
public static class LoopbackWebApp
{
    /// <param name="port">0 picks a free port.</param>
    /// <param name="certificate">Serve HTTPS with this certificate (plain HTTP without one).</param>
    public static WebApplicationBuilder CreateBuilder(int port = 0, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns its base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
    }
}
