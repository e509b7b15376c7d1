using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace OdooFunctions.Functions.Tests.Secrets;

internal static class ServiceProviderExtensions
{
    /// <summary>The SecretClient the app registered (Microsoft.Extensions.Azure), as the app would use it.</summary>
    public static SecretClient GetSecretClient(this IServiceProvider services) => services.GetRequiredService<SecretClient>();
}
