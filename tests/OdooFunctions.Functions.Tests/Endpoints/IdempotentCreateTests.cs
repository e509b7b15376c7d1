using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Odoo;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>The app against a 19.0 double, with a short lease (4 s, Odoo timeout 3 s) so lost answers heal within a test.</summary>
public sealed class ShortLeaseAppFixture : IAsyncLifetime
{
    public const int LeaseSeconds = 4;

    public OdooDoubleServer Odoo { get; private set; } = null!;

    public FunctionsTestHost App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await AzuriteFixture.EnsureRunningAsync();
        Odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0" });
        App = await FunctionsTestHost.StartAsync(TestSettings.For(Odoo).With("IDEMPOTENCY_LEASE_SECONDS", LeaseSeconds.ToString(CultureInfo.InvariantCulture)).Build());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}

/// <summary>
/// Creates survive lost answers, retries and reuse of a key: the record of a key moves reserved → created | failed in
/// Table storage, and a reservation whose lease ran out is reconciled with what Odoo holds.
/// </summary>
public sealed class IdempotentCreateTests(ShortLeaseAppFixture fixture) : IClassFixture<ShortLeaseAppFixture>
{
    private const string Orders = "api/odoo/manufacturing-orders";

    private long ProductId => FinishedProductIdOf(fixture.Odoo);

    private IEnumerable<JsonObject> OrdersWithOrigin(string origin) =>
        fixture.Odoo.Store.All("mrp.production").Where(mo => mo["origin"] is JsonValue v && v.TryGetValue<string>(out var o) && o == origin);

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> PostAsync(object body, string? key)
    {
        var response = await Send(fixture.App.Client, HttpMethod.Post, Orders, body, TestTokens.Create(roles: ["Admin"]),
            request => { if (key is not null) request.Headers.Add("Idempotency-Key", key); });
        return (response.StatusCode, await BodyAsync(response), response);
    }

    private static TableClient Table() => new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient(new IdempotencyOptions().TableName);

    private static async Task SeedReservationAsync(CreateClaim claim, TimeSpan reservedAgo, TimeSpan leaseLeft)
    {
        await Table().CreateIfNotExistsAsync();
        var now = DateTimeOffset.UtcNow;
        await Table().UpsertEntityAsync(new TableEntity(claim.PartitionKey, claim.RowKey)
        {
            ["Status"] = "Reserved", ["RequestHash"] = claim.RequestHash, ["ReservedAt"] = now - reservedAgo, ["LeaseUntil"] = now + leaseLeft,
        }, TableUpdateMode.Replace);
    }

    private static async Task<string?> StatusOfAsync(CreateClaim claim) =>
        (await Table().GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey)).Value?.GetString("Status");

    private async Task<long> CreateInOdooAsync(string origin, int qty = 3) =>
        await fixture.App.Services.GetRequiredService<OdooClient>().CreateAsync("mrp.production",
            new JsonObject { ["product_id"] = ProductId, ["product_qty"] = qty, ["origin"] = origin });

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_answered_by_a_retry_after_the_lease_with_the_order_Odoo_made()
    {
        var origin = "Lost answer " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        var order = new { product_id = ProductId, product_qty = 4, origin };
        fixture.Odoo.Faults.FailNext(1, OdooFault.DropAfterCommit, "create");
        var clock = Stopwatch.StartNew();

        var lost = await PostAsync(order, key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.Status);
        Assert.Equal("CREATE_OUTCOME_UNKNOWN", lost.Body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("same Idempotency-Key", lost.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(lost.Response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, ShortLeaseAppFixture.LeaseSeconds);
        var made = Assert.Single(OrdersWithOrigin(origin))["id"]!.GetValue<long>();

        var early = await PostAsync(order, key);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("CREATE_IN_PROGRESS", early.Body["error"]!["code"]!.GetValue<string>());
        Assert.True(early.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        (HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response) retry;
        do
        {
            await Task.Delay(250);
            retry = await PostAsync(order, key);
        }
        while (retry.Status == HttpStatusCode.Conflict && clock.Elapsed < TimeSpan.FromSeconds(ShortLeaseAppFixture.LeaseSeconds + 5));

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(ShortLeaseAppFixture.LeaseSeconds + 5));
        Assert.True(retry.Body["duplicate"]!.GetValue<bool>());
        Assert.Equal(made, retry.Body["data"]!["id"]!.GetValue<long>());
        Assert.Single(OrdersWithOrigin(origin));
        Assert.Equal("Created", await StatusOfAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(ProductId, 4, null, null, origin, null))));

        var later = await PostAsync(order, key);
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal(made, later.Body["data"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_lost_answer_without_a_key_is_healed_by_the_origin_after_the_lease()
    {
        var origin = "Lost answer by origin " + Guid.NewGuid();
        var order = new { product_id = ProductId, product_qty = 2, origin };
        fixture.Odoo.Faults.FailNext(1, OdooFault.DropAfterCommit, "create");

        var lost = await PostAsync(order, key: null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.Status);
        Assert.Contains("Retry the same request", lost.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(order, key: null)).Status);

        await Task.Delay(TimeSpan.FromSeconds(ShortLeaseAppFixture.LeaseSeconds + 0.5));
        var retry = await PostAsync(order, key: null);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(retry.Body["duplicate"]!.GetValue<bool>());
        Assert.Single(OrdersWithOrigin(origin));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_creates_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(new { product_id = ProductId, product_qty = 3 }, key);
        var creates = fixture.Odoo.Calls.Count("mrp.production", "create");

        var reused = await PostAsync(new { product_id = ProductId, product_qty = 30 }, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.Body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("different request body", reused.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(creates, fixture.Odoo.Calls.Count("mrp.production", "create"));
    }

    [Fact]
    public async Task A_key_held_by_a_running_request_is_409_with_Retry_After_and_sends_nothing_to_Odoo()
    {
        var key = Guid.NewGuid().ToString();
        await SeedReservationAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(ProductId, 3, null, null, null, null)),
            reservedAgo: TimeSpan.Zero, leaseLeft: TimeSpan.FromSeconds(30));
        var creates = fixture.Odoo.Calls.Count("mrp.production", "create");

        var (status, body, response) = await PostAsync(new { product_id = ProductId, product_qty = 3 }, key);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("CREATE_IN_PROGRESS", body["error"]!["code"]!.GetValue<string>());
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 25, 30);
        Assert.Equal(creates, fixture.Odoo.Calls.Count("mrp.production", "create"));
    }

    [Fact]
    public async Task An_expired_reservation_with_no_order_in_Odoo_is_taken_over_and_creates_once()
    {
        var key = Guid.NewGuid().ToString();
        var origin = "Expired, nothing made " + Guid.NewGuid();
        await SeedReservationAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(ProductId, 3, null, null, origin, null)),
            reservedAgo: TimeSpan.FromSeconds(70), leaseLeft: TimeSpan.FromSeconds(-10));

        var (status, body, _) = await PostAsync(new { product_id = ProductId, product_qty = 3, origin }, key);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(body["duplicate"]!.GetValue<bool>());
        Assert.Single(OrdersWithOrigin(origin));
    }

    [Fact]
    public async Task An_expired_reservation_is_completed_with_the_one_order_the_API_user_made_after_it()
    {
        var key = Guid.NewGuid().ToString();
        var origin = "Expired, one made " + Guid.NewGuid();
        var request = new ManufacturingOrderCreate(ProductId, 3, null, null, origin, null);
        await SeedReservationAsync(CreateClaim.ForKey(key, request), reservedAgo: TimeSpan.FromSeconds(2), leaseLeft: TimeSpan.FromSeconds(-1));
        var made = await CreateInOdooAsync(origin);

        var (status, body, _) = await PostAsync(new { product_id = ProductId, product_qty = 3, origin }, key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["duplicate"]!.GetValue<bool>());
        Assert.Equal(made, body["data"]!["id"]!.GetValue<long>());
        Assert.Single(OrdersWithOrigin(origin));
        Assert.Equal("Created", await StatusOfAsync(CreateClaim.ForKey(key, request)));
    }

    [Fact]
    public async Task Reconciliation_ignores_orders_made_before_the_reservation_or_by_another_user()
    {
        var key = Guid.NewGuid().ToString();
        var origin = "Expired, look-alikes " + Guid.NewGuid();
        var older = await CreateInOdooAsync(origin);
        fixture.Odoo.Store.Update("mrp.production", older, new JsonObject { ["create_date"] = OdooValues.FormatDateTime(DateTimeOffset.UtcNow.AddMinutes(-10)) });
        var byAdmin = fixture.Odoo.Store.AddManufacturingOrder(ProductId, 3, "draft");
        fixture.Odoo.Store.Update("mrp.production", byAdmin, new JsonObject { ["origin"] = origin, ["create_uid"] = new JsonArray(2, "Mitchell Admin") });
        await SeedReservationAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(ProductId, 3, null, null, origin, null)),
            reservedAgo: TimeSpan.FromSeconds(70), leaseLeft: TimeSpan.FromSeconds(-10));

        var (status, body, _) = await PostAsync(new { product_id = ProductId, product_qty = 3, origin }, key);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.DoesNotContain(body["data"]!["id"]!.GetValue<long>(), new[] { older, byAdmin });
        Assert.Equal(3, OrdersWithOrigin(origin).Count());
    }

    [Fact]
    public async Task Two_orders_that_an_unfinished_attempt_may_have_made_are_a_409_naming_both_and_nothing_is_created()
    {
        var key = Guid.NewGuid().ToString();
        var origin = "Expired, two made " + Guid.NewGuid();
        await SeedReservationAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(ProductId, 3, null, null, origin, null)),
            reservedAgo: TimeSpan.FromSeconds(3), leaseLeft: TimeSpan.FromSeconds(-1));
        var a = await CreateInOdooAsync(origin);
        var b = await CreateInOdooAsync(origin);

        var (status, body, _) = await PostAsync(new { product_id = ProductId, product_qty = 3, origin }, key);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("AMBIGUOUS_CREATE", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal([a, b], body["candidates"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).Order());
        Assert.Contains($"(id {a})", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, OrdersWithOrigin(origin).Count());

        // The operator cancels the extra one in Odoo; the retry is answered with the one left.
        fixture.Odoo.Store.Update("mrp.production", b, new JsonObject { ["state"] = "cancel" });
        var settled = await PostAsync(new { product_id = ProductId, product_qty = 3, origin }, key);
        Assert.Equal(HttpStatusCode.OK, settled.Status);
        Assert.Equal(a, settled.Body["data"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_create_Odoo_refuses_marks_the_key_failed_so_a_retry_tries_again_instead_of_waiting()
    {
        var key = Guid.NewGuid().ToString();
        var order = new { product_id = 999_999, product_qty = 1 };
        var creates = fixture.Odoo.Calls.Count("mrp.production", "create");

        var first = await PostAsync(order, key);
        var again = await PostAsync(order, key);

        Assert.Equal("Failed", await StatusOfAsync(CreateClaim.ForKey(key, new ManufacturingOrderCreate(999_999, 1, null, null, null, null))));
        Assert.NotEqual(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Body["error"]!["code"]!.GetValue<string>(), again.Body["error"]!["code"]!.GetValue<string>());
        Assert.Equal(creates + 2, fixture.Odoo.Calls.Count("mrp.production", "create"));
    }

    [Fact]
    public async Task A_body_with_a_repeated_key_is_400_naming_it_and_nothing_reaches_Odoo()
    {
        var total = fixture.Odoo.Calls.Total;
        var (status, body, _) = await PostAsync($"{{\"product_id\":{ProductId},\"product_qty\":1,\"product_qty\":2}}", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("DUPLICATE_KEY", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("'product_qty' more than once", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(total, fixture.Odoo.Calls.Total);
    }
}
