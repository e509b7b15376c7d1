using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.Tests.Infrastructure;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Two app containers (each its own DI container and memory) on one Azurite and one Odoo, as two instances in Azure.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public OdooDoubleServer Odoo { get; private set; } = null!;

    public FunctionsTestHost First { get; private set; } = null!;

    public FunctionsTestHost Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await AzuriteFixture.EnsureRunningAsync();

        // Odoo takes a little time per call, as a real one does, so that concurrent requests really overlap.
        Odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0", Latency = TimeSpan.FromMilliseconds(15) });
        First = await FunctionsTestHost.StartAsync(TestSettings.For(Odoo).Build());
        Second = await FunctionsTestHost.StartAsync(TestSettings.For(Odoo).Build());
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}

/// <summary>Duplicates of one create, sent at once to two instances, make one order in Odoo: the claim lives in storage.</summary>
public sealed class CreateAcrossInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private const int Rounds = 50;
    private const int RequestsPerRound = 8;

    private long ProductId => FinishedProductIdOf(fixture.Odoo);

    private async Task<IReadOnlyList<(HttpStatusCode Status, JsonObject Body, TimeSpan? RetryAfter)>> RaceAsync(object order, string? key)
    {
        var token = TestTokens.Create(roles: ["Admin"]);
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, RequestsPerRound).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await Send((i % 2 == 0 ? fixture.First : fixture.Second).Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token,
                request => { if (key is not null) request.Headers.Add("Idempotency-Key", key); });
            return (response.StatusCode, await BodyAsync(response), response.Headers.RetryAfter?.Delta);
        }).ToList();
        start.Release(RequestsPerRound);
        return await Task.WhenAll(attempts);
    }

    private int MadeInOdoo(string origin) =>
        fixture.Odoo.Store.All("mrp.production").Count(mo => mo["origin"] is JsonValue v && v.TryGetValue<string>(out var o) && o == origin);

    private static void AssertOneOrderAnswered(IReadOnlyList<(HttpStatusCode Status, JsonObject Body, TimeSpan? RetryAfter)> answers)
    {
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        var created = answers.Single(a => a.Status == HttpStatusCode.Created).Body["data"]!["id"]!.GetValue<long>();
        foreach (var (status, body, retryAfter) in answers)
        {
            switch (status)
            {
                case HttpStatusCode.OK:
                    Assert.True(body["duplicate"]!.GetValue<bool>());
                    Assert.Equal(created, body["data"]!["id"]!.GetValue<long>());
                    break;
                case HttpStatusCode.Conflict:
                    Assert.Equal("CREATE_IN_PROGRESS", body["error"]!["code"]!.GetValue<string>());
                    Assert.True(retryAfter > TimeSpan.Zero);
                    break;
                case not HttpStatusCode.Created:
                    Assert.Fail($"Unexpected answer {(int)status}: {body.ToJsonString()}");
                    break;
            }
        }
    }

    /// <summary>
    /// <see cref="Rounds"/> rounds, each racing <see cref="RequestsPerRound"/> copies of one create (with a fresh origin;
    /// with a key when <paramref name="withKey"/>) after <paramref name="prepare"/>; the duplicates Odoo got in all.
    /// </summary>
    private async Task<int> RaceRoundsAsync(string name, bool withKey, Func<string, string?, Task>? prepare = null)
    {
        var duplicates = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var origin = $"Race {name} {round} {Guid.NewGuid()}";
            var key = withKey ? Guid.NewGuid().ToString() : null;
            if (prepare is not null)
            {
                await prepare(origin, key);
            }

            var answers = await RaceAsync(new { product_id = ProductId, product_qty = 2, origin }, key);
            duplicates += MadeInOdoo(origin) - 1;
            AssertOneOrderAnswered(answers);
        }

        return duplicates;
    }

    [Fact]
    public async Task Concurrent_creates_with_one_key_on_two_instances_make_one_order_in_every_round() =>
        Assert.Equal(0, await RaceRoundsAsync("key", withKey: true));

    [Fact]
    public async Task Concurrent_creates_with_one_origin_and_no_key_on_two_instances_make_one_order_in_every_round() =>
        Assert.Equal(0, await RaceRoundsAsync("origin", withKey: false));

    [Fact]
    public async Task Concurrent_retries_of_an_expired_reservation_on_two_instances_take_it_over_once_in_every_round()
    {
        var table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient(new IdempotencyOptions().TableName);
        await table.CreateIfNotExistsAsync();

        var duplicates = await RaceRoundsAsync("take-over", withKey: true, async (origin, key) =>
        {
            // An attempt that reserved the key two minutes ago and vanished without making anything.
            var claim = CreateClaim.ForKey(key!, new ManufacturingOrderCreate(ProductId, 2, null, null, origin, null));
            var now = DateTimeOffset.UtcNow;
            await table.UpsertEntityAsync(new TableEntity(claim.PartitionKey, claim.RowKey)
            {
                ["Status"] = "Reserved", ["RequestHash"] = claim.RequestHash, ["ReservedAt"] = now.AddMinutes(-2), ["LeaseUntil"] = now.AddMinutes(-1),
            });
        });

        Assert.Equal(0, duplicates);
    }

    [Fact]
    public async Task A_retry_on_the_other_instance_answers_the_order_the_first_made()
    {
        var key = Guid.NewGuid().ToString();
        var order = new { product_id = ProductId, product_qty = 5, origin = "Retry elsewhere " + Guid.NewGuid() };
        var token = TestTokens.Create(roles: ["Admin"]);
        using var first = await Send(fixture.First.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token, r => r.Headers.Add("Idempotency-Key", key));
        using var retry = await Send(fixture.Second.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token, r => r.Headers.Add("Idempotency-Key", key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await BodyAsync(first))["data"]!["id"]!.GetValue<long>(), (await BodyAsync(retry))["data"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_origin_whose_order_was_cancelled_gets_a_new_order()
    {
        var origin = "Cancelled then again " + Guid.NewGuid();
        var order = new { product_id = ProductId, product_qty = 1, origin };
        var token = TestTokens.Create(roles: ["Admin"]);
        using var first = await Send(fixture.First.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token);
        var firstId = (await BodyAsync(first))["data"]!["id"]!.GetValue<long>();
        using var cancel = await Send(fixture.Second.Client, HttpMethod.Put, $"api/odoo/manufacturing-orders/{firstId}", new { state = "cancel" }, token);
        using var again = await Send(fixture.Second.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(firstId, (await BodyAsync(again))["data"]!["id"]!.GetValue<long>());
    }
}
