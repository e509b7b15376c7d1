using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Sync;

/// <summary>The dashboard token from the <c>DASHBOARD_API_TOKEN</c> setting (local runs, or a Key Vault reference in app settings).</summary>
public sealed class SettingsDashboardApiToken(IConfiguration configuration) : IDashboardApiToken
{
    public const string SettingName = "DASHBOARD_API_TOKEN";

    public ValueTask<string?> GetAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(configuration[SettingName]) ? null : configuration[SettingName]!.Trim());
}
