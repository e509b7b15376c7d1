using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Odoo;

using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's secrets: <see cref="SecretStore"/>, <see cref="ISecretSource"/> (Key Vault when
    /// <c>KEY_VAULT_URI</c> is set, app settings otherwise) and <see cref="IOdooApiKeyProvider"/>, with their settings
    /// (<see cref="SecretsOptions"/>) bound and checked at start.
    /// The vault is read with the real <see cref="SecretClient"/>, registered through Microsoft.Extensions.Azure,
    /// authenticated by <c>DefaultAzureCredential</c> (managed identity in Azure) unless
    /// <see cref="SecretsOptions.Credential"/> says otherwise.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSettings<SecretsOptions, SecretsOptionsValidator>(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddAzureClients(clients =>
            clients.AddClient<SecretClient, SecretClientOptions>((clientOptions, credential, provider) =>
                {
                    // Built on first use from the validated options, so a test's or host's later Configure applies.
                    var options = provider.GetRequiredService<IOptions<SecretsOptions>>().Value;
                    var vaultUri = options.VaultUri ?? throw new InvalidOperationException(
                        $"{SecretsOptions.KeyVaultUriSetting} is not set: secrets come from app settings, there is no vault to read.");
                    return new SecretClient(vaultUri, credential, clientOptions);
                })
                .WithCredential(provider =>
                    provider.GetRequiredService<IOptions<SecretsOptions>>().Value.Credential ?? new DefaultAzureCredential())
                .ConfigureOptions((clientOptions, provider) =>
                {
                    // Bounded: a vault that does not answer fails the read in seconds, never hangs a request.
                    clientOptions.Retry.MaxRetries = 2;
                    clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(500);
                    clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(4);
                    clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
                    provider.GetRequiredService<IOptions<SecretsOptions>>().Value.ConfigureClient?.Invoke(clientOptions);
                }));

        services.AddSingleton<ISecretSource>(provider =>
            provider.GetRequiredService<IOptions<SecretsOptions>>().Value.VaultUri is null
                ? new AppSettingSecretSource(configuration)
                : new KeyVaultSecretSource(provider.GetRequiredService<SecretClient>(), provider.GetRequiredService<ILogger<KeyVaultSecretSource>>()));
        services.AddSingleton<SecretStore>();

        services.AddSingleton<IOdooApiKeyProvider>(provider =>
        {
            if (provider.GetRequiredService<IOptions<SecretsOptions>>().Value.VaultUri is not null)
            {
                return new KeyVaultOdooApiKeyProvider(provider.GetRequiredService<SecretStore>());
            }

            var reference = provider.GetRequiredService<SecretStore>().OdooApiKey.Reference;
            var key = configuration[reference.SettingName];
            return string.IsNullOrWhiteSpace(key)
                ? throw new SecretUnavailableException(
                    reference.SecretName,
                    $"app setting '{reference.SettingName}'",
                    SecretUnavailableReason.NotConfigured,
                    $"set {reference.SettingName}, or set {SecretsOptions.KeyVaultUriSetting} to read '{reference.SecretName}' from Key Vault.")
                : new StaticOdooApiKeyProvider(key);
        });

        services.AddErrorAnswer<SecretUnavailableException>(503, ApiErrorCodes.SecretUnavailable,
            ex => $"A secret the app needs ('{ex.SecretName}') could not be read. Check Key Vault access and settings.");
        return services;
    }
}
