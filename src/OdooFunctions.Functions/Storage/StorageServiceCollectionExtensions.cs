using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table storage on the host's own storage account (<c>AzureWebJobsStorage</c>): a connection string locally
    /// (Azurite: <c>UseDevelopmentStorage=true</c>), identity-based in Azure (<c>AzureWebJobsStorage__tableServiceUri</c>
    /// with the managed identity in <c>AzureWebJobsStorage__clientId</c>), the same settings the Functions host reads.
    /// Registered through Microsoft.Extensions.Azure, built on first use.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureClients(clients =>
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, _) =>
                    ConnectionString(configuration) is { } connectionString
                        ? new TableServiceClient(connectionString, options)
                        : new TableServiceClient(ServiceUri(configuration, "table"), credential, options))
                .WithCredential(_ => Credential(configuration))
                .ConfigureOptions(options => ConfigureRetry(options.Retry)));
        AddStorageErrors(services);
        return services;
    }

    /// <summary>
    /// Storage that cannot be reached is a 503 whatever reached for it: a store that wrapped the failure, Azure.Core's
    /// own failure where none did (e.g. the sync's run records), or the aggregate of its retries.
    /// </summary>
    private static void AddStorageErrors(IServiceCollection services)
    {
        const string message = "The app's storage (AzureWebJobsStorage) could not be reached, so the request was not carried out. Retry in a moment.";
        static ApiErrorAnswer RetryIn5(Exception _, ApiErrorAnswer answer) => answer.WithRetryAfter(TimeSpan.FromSeconds(5));
        services.AddErrorAnswer<StorageUnavailableException>(503, ApiErrorCodes.StorageUnavailable, _ => message, RetryIn5);
        services.AddErrorAnswer<RequestFailedException>(503, ApiErrorCodes.StorageUnavailable, _ => message, RetryIn5);
        services.AddErrorAnswer<AggregateException>(503, ApiErrorCodes.StorageUnavailable, _ => message, RetryIn5, when: StorageUnavailableException.IsStorageFailure);
    }

    /// <summary>
    /// Queue storage on the same account and settings (<c>AzureWebJobsStorage</c>, or <c>AzureWebJobsStorage__queueServiceUri</c>
    /// with the managed identity), the connection the queue trigger reads too. Messages are Base64, as host.json tells the trigger.
    /// </summary>
    public static IServiceCollection AddQueueStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureClients(clients =>
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, _) =>
                    ConnectionString(configuration) is { } connectionString
                        ? new QueueServiceClient(connectionString, options)
                        : new QueueServiceClient(ServiceUri(configuration, "queue"), credential, options))
                .WithCredential(_ => Credential(configuration))
                .ConfigureOptions(options =>
                {
                    options.MessageEncoding = QueueMessageEncoding.Base64;
                    ConfigureRetry(options.Retry);
                }));
        return services;
    }

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration["AzureWebJobsStorage"] is { } connectionString && !string.IsNullOrWhiteSpace(connectionString) ? connectionString : null;

    /// <summary><c>AzureWebJobsStorage__tableServiceUri</c> (or <c>__queueServiceUri</c>), else the account's endpoint from <c>__accountName</c>.</summary>
    private static Uri ServiceUri(IConfiguration configuration, string service) => new(
        configuration[$"AzureWebJobsStorage:{service}ServiceUri"]
        ?? (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account ? $"https://{account}.{service}.core.windows.net" : null)
        ?? throw new InvalidOperationException($"Missing required environment variables: AzureWebJobsStorage (or AzureWebJobsStorage__{service}ServiceUri)"));

    private static DefaultAzureCredential Credential(IConfiguration configuration) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = configuration["AzureWebJobsStorage:clientId"] ?? configuration["AZURE_CLIENT_ID"],
    });

    /// <summary>
    /// Storage sits on the request path (idempotency records, the webhook's queue): a few quick retries, then a 503 the caller can retry,
    /// instead of the SDK's default of about 6 s of back-off per call while storage is down.
    /// </summary>
    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
