using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Tests.Secrets;

internal static class KeyVaultDoubleSetup
{
    /// <summary>Points the app's real SecretClient at the Key Vault double: its credential, its certificate pinned, quick retries.</summary>
    public static IServiceCollection PointSecretsAt(this IServiceCollection services, KeyVaultDoubleServer vault, TokenCredential credential, int maxRetries = 2)
    {
        var pinned = vault.Certificate.GetCertHash(HashAlgorithmName.SHA256);
        return services.Configure<SecretsOptions>(options =>
        {
            options.Credential = credential;
            options.ConfigureClient = client =>
            {
                // The double listens on 127.0.0.1, not *.vault.azure.net.
                client.DisableChallengeResourceVerification = true;
                client.Retry.MaxRetries = maxRetries;
                client.Retry.Delay = TimeSpan.FromMilliseconds(1);
                client.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
                // Trust exactly the double's certificate, nothing else.
#pragma warning disable CA2000 // the transport owns the handler for the client's lifetime
                client.Transport = new HttpClientTransport(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                        certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned),
                });
#pragma warning restore CA2000
            };
        });
    }
}
