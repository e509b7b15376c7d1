using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The start-up warning for a plain-http dashboard API, as the guide's for a plain-http Odoo (loopback excepted: the
/// demos): the dashboard API token goes with every call.
/// </summary>
internal sealed partial class InsecureDashboardUrlWarning(IOptions<DashboardSettings> settings, ILogger<InsecureDashboardUrlWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (SettingText.Value(settings.Value.ApiUrl) is { } dashboardApiUrl && SettingText.IsInsecureUrl(dashboardApiUrl))
        {
            LogInsecureDashboard(logger, dashboardApiUrl);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DASHBOARD_API_URL is not using HTTPS ({DashboardApiUrl}): the dashboard API token would cross the network in clear text. Use https://")]
    private static partial void LogInsecureDashboard(ILogger logger, string dashboardApiUrl);
}
