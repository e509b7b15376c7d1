using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OdooFunctions.Functions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table storage on the host's own storage account (<c>AzureWebJobsStorage</c>): a connection string locally
    /// (Azurite: <c>UseDevelopmentStorage=true</c>), identity-based in Azure (<c>AzureWebJobsStorage__tableServiceUri</c>
    /// with the managed identity in <c>AzureWebJobsStorage__clientId</c>), the same settings the Functions host reads.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => CreateTableServiceClient(configuration));
        return services;
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration)
    {
        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString, ClientOptions());
        }

        var serviceUri = configuration["AzureWebJobsStorage:tableServiceUri"]
            ?? (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account ? $"https://{account}.table.core.windows.net" : null)
            ?? throw new InvalidOperationException("Missing required environment variables: AzureWebJobsStorage (or AzureWebJobsStorage__tableServiceUri)");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["AzureWebJobsStorage:clientId"] ?? configuration["AZURE_CLIENT_ID"],
        });
        return new TableServiceClient(new Uri(serviceUri), credential, ClientOptions());
    }

    /// <summary>
    /// Storage sits on the request path (idempotency records): a few quick retries, then a 503 the caller can retry,
    /// instead of the SDK's default of about 6 s of back-off per call while storage is down.
    /// </summary>
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
