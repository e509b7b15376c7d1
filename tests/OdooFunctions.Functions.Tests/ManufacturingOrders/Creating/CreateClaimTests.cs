using OdooFunctions.Functions.ManufacturingOrders.Creating;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Creating;

public sealed class CreateClaimTests
{
    private static ManufacturingOrderCreate Order(decimal qty = 5m, string? origin = "SO-1") => new(7, qty, "2026-12-01 08:00:00", null, origin, null);

    [Fact]
    public void The_same_key_with_an_equivalent_body_is_the_same_claim()
    {
        Assert.Equal(CreateClaim.ForKey("k-1", Order(5m)), CreateClaim.ForKey("k-1", Order(5.00m)));
    }

    [Fact]
    public void The_same_key_with_another_body_keeps_the_row_but_not_the_request_hash()
    {
        var first = CreateClaim.ForKey("k-1", Order(5m));
        var other = CreateClaim.ForKey("k-1", Order(6m));
        Assert.Equal((first.PartitionKey, first.RowKey), (other.PartitionKey, other.RowKey));
        Assert.NotEqual(first.RequestHash, other.RequestHash);
    }

    [Fact]
    public void An_origin_claims_one_row_per_product_in_a_partition_of_its_own()
    {
        var a = CreateClaim.ForOrigin("SO-1", 7, Order());
        var b = CreateClaim.ForOrigin("SO-1", 8, Order());
        var c = CreateClaim.ForOrigin("SO-2", 7, Order());
        Assert.Equal(a.PartitionKey, b.PartitionKey);
        Assert.NotEqual(a.RowKey, b.RowKey);
        Assert.NotEqual(a.PartitionKey, c.PartitionKey);
        Assert.NotEqual(a.PartitionKey, CreateClaim.ForKey("SO-1", Order()).PartitionKey);
    }

    [Fact]
    public void Keys_and_origins_are_stored_only_as_hashes()
    {
        var claim = CreateClaim.ForKey("secret-order-42", Order());
        Assert.DoesNotContain("secret-order-42", claim.PartitionKey + claim.RowKey, StringComparison.Ordinal);
        Assert.Matches("^key-[0-9A-F]{64}$", claim.PartitionKey);
    }
}
