using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

public static class SettingsCheck
{
    /// <summary>
    /// Runs the host's start-up check (every part's <c>ValidateOnStart</c>) where the app starts, before the host: a bad
    /// configuration stops the start with one <see cref="InvalidSettingsException"/> naming every problem of every part.
    /// </summary>
    public static void CheckSettings(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (InvalidSettingsException.From(e) is { } invalid)
        {
            throw invalid;
        }
    }
}
