using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// A part's settings: <typeparamref name="TOptions"/> bound from <paramref name="configuration"/> under their
    /// <c>[ConfigurationKeyName]</c>s and checked at start, first the values that do not convert (<see cref="SettingValues"/>),
    /// then <typeparamref name="TValidator"/> (the generated <c>[OptionsValidator]</c>). The part adds its cross-field checks to
    /// the builder returned.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new UnreadableSettingsValidator<TOptions>(configuration));
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>()
            .Configure(options => SettingValues.Readable(typeof(TOptions), configuration).Bind(options))
            .ValidateOnStart();
    }

    /// <summary>
    /// Warns at start when <paramref name="url"/> (the setting <paramref name="setting"/>) is plain http off loopback: the
    /// <paramref name="credential"/> that goes with every call would cross the network in clear text.
    /// </summary>
    public static IServiceCollection AddInsecureUrlWarning<TOptions>(
        this IServiceCollection services, Func<TOptions, Uri?> url, string setting, string credential)
        where TOptions : class =>
        services.AddHostedService(provider => new InsecureUrlWarning<TOptions>(
            provider.GetRequiredService<IOptions<TOptions>>(), url, setting, credential, provider.GetRequiredService<ILogger<InsecureUrlWarning<TOptions>>>()));

    /// <summary>
    /// <c>MAX_RESPONSE_MB</c> (<see cref="ResponseLimitOptions"/>), which the Odoo and the dashboard parts both read: bound
    /// by whichever of them comes first, once.
    /// </summary>
    public static IServiceCollection AddResponseLimit(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<ResponseLimitOptions>)))
        {
            services.AddSettings<ResponseLimitOptions, ResponseLimitOptionsValidator>(configuration);
        }

        return services;
    }
}
