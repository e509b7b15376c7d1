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
            return new TableServiceClient(connectionString);
        }

        var serviceUri = configuration["AzureWebJobsStorage:tableServiceUri"]
            ?? (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account ? $"https://{account}.table.core.windows.net" : null)
            ?? throw new InvalidOperationException("Missing required environment variables: AzureWebJobsStorage (or AzureWebJobsStorage__tableServiceUri)");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["AzureWebJobsStorage:clientId"] ?? configuration["AZURE_CLIENT_ID"],
        });
        return new TableServiceClient(new Uri(serviceUri), credential);
    }
}
