using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// The guide's start-up warning for a plain-http address that a credential goes to with every call (loopback excepted:
/// the demos), e.g. <c>ODOO_URL</c> and the Odoo API key. Each part registers its own (<see cref="SettingsServiceCollectionExtensions.AddInsecureUrlWarning"/>).
/// </summary>
internal sealed partial class InsecureUrlWarning<TOptions>(
    IOptions<TOptions> options, Func<TOptions, Uri?> url, string setting, string credential, ILogger<InsecureUrlWarning<TOptions>> logger) : IHostedService
    where TOptions : class
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (url(options.Value) is { IsAbsoluteUri: true, Scheme: "http", IsLoopback: false } insecure)
        {
            // Without the user-info part: a password written into the URL must not reach the logs.
            LogInsecure(logger, setting, insecure.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped), credential);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not using HTTPS ({Url}): the {Credential} would cross the network in clear text. Use https://")]
    private static partial void LogInsecure(ILogger logger, string setting, string url, string credential);
}
