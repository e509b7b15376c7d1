using Azure.Data.Tables;
using OdooFunctions.Doubles.Storage;

namespace OdooFunctions.Functions.Tests.Infrastructure;

/// <summary>Azurite's table service on 127.0.0.1:10002 for a test class (<see cref="LocalAzurite"/> starts it when none runs).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = LocalAzurite.ConnectionString;

    public TableServiceClient Tables { get; } = new(ConnectionString);

    /// <summary>A fresh table name (letters and digits, as Table storage requires) for one test class or test.</summary>
    public static string UniqueTableName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Makes sure Azurite listens on loopback: the one already running (CI starts it), or one started now.</summary>
    public static Task EnsureRunningAsync() => LocalAzurite.EnsureRunningAsync();

    public Task InitializeAsync() => EnsureRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
