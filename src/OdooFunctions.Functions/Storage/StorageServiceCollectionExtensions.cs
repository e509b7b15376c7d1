using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
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

    /// <summary>
    /// Queue storage on the same account and settings (<c>AzureWebJobsStorage</c>, or <c>AzureWebJobsStorage__queueServiceUri</c>
    /// with the managed identity), the connection the queue trigger reads too. Messages are Base64, as host.json tells the trigger.
    /// </summary>
    public static IServiceCollection AddQueueStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => CreateQueueServiceClient(configuration));
        return services;
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        ConfigureRetry(options.Retry);
        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new QueueServiceClient(connectionString, options);
        }

        var serviceUri = configuration["AzureWebJobsStorage:queueServiceUri"]
            ?? (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account ? $"https://{account}.queue.core.windows.net" : null)
            ?? throw new InvalidOperationException("Missing required environment variables: AzureWebJobsStorage (or AzureWebJobsStorage__queueServiceUri)");
        return new QueueServiceClient(new Uri(serviceUri), Credential(configuration), options);
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
        return new TableServiceClient(new Uri(serviceUri), Credential(configuration), ClientOptions());
    }

    private static DefaultAzureCredential Credential(IConfiguration configuration) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = configuration["AzureWebJobsStorage:clientId"] ?? configuration["AZURE_CLIENT_ID"],
    });

    /// <summary>
    /// Storage sits on the request path (idempotency records, the webhook's queue): a few quick retries, then a 503 the caller can retry,
    /// instead of the SDK's default of about 6 s of back-off per call while storage is down.
    /// </summary>
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        ConfigureRetry(options.Retry);
        return options;
    }

    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
