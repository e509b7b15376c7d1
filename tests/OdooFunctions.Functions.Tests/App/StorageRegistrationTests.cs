using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>The storage clients registered from the host's own settings (<c>AzureWebJobsStorage</c>, or its identity-based form).</summary>
public sealed class StorageRegistrationTests
{
    [Fact]
    public void A_connection_string_gives_clients_on_that_account()
    {
        using var provider = Provider(new() { ["AzureWebJobsStorage"] = AzuriteFixture.ConnectionString });

        Assert.Equal("devstoreaccount1", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", provider.GetRequiredService<QueueServiceClient>().AccountName);
    }

    [Fact]
    public void Service_uris_give_identity_based_clients_on_those_endpoints()
    {
        using var provider = Provider(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.com/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.com/",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
        });

        Assert.Equal(new Uri("https://tables.example.com/"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://queues.example.com/"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void An_account_name_gives_the_accounts_public_endpoints()
    {
        using var provider = Provider(new() { ["AzureWebJobsStorage:accountName"] = "odoofunctions" });

        Assert.Equal(new Uri("https://odoofunctions.table.core.windows.net/"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://odoofunctions.queue.core.windows.net/"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void Without_storage_settings_the_clients_name_the_missing_setting()
    {
        using var provider = Provider([]);

        var tables = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<TableServiceClient>());
        var queues = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<QueueServiceClient>());

        Assert.Contains("AzureWebJobsStorage (or AzureWebJobsStorage__tableServiceUri)", tables.ToString(), StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage (or AzureWebJobsStorage__queueServiceUri)", queues.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_messages_are_Base64_as_hostjson_tells_the_trigger()
    {
        await AzuriteFixture.EnsureRunningAsync();
        using var provider = Provider(new() { ["AzureWebJobsStorage"] = AzuriteFixture.ConnectionString });
        var queue = provider.GetRequiredService<QueueServiceClient>().GetQueueClient("encoding" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateAsync();
        try
        {
            await queue.SendMessageAsync("{\"id\":7}");

            var raw = new QueueClient(AzuriteFixture.ConnectionString, queue.Name);
            var message = Assert.Single((await raw.PeekMessagesAsync()).Value);
            Assert.Equal(Convert.ToBase64String("{\"id\":7}"u8), message.MessageText);
        }
        finally
        {
            await queue.DeleteAsync();
        }
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        return AppContainer.BuildPart(settings, (services, configuration) => services.AddTableStorage(configuration).AddQueueStorage(configuration));
    }
}
