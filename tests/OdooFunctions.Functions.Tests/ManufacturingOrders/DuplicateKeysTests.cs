using System.Text;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

public sealed class DuplicateKeysTests
{
    [Theory]
    [InlineData("{\"product_id\":5,\"product_qty\":1,\"product_qty\":2}", "product_qty")]
    [InlineData("{\"a\":{\"b\":1,\"b\":2}}", "a.b")]
    [InlineData("{\"data\":[{\"x\":1},{\"s\":1,\"s\":2}]}", "data[1].s")]
    [InlineData("[1, {\"k\":true, \"k\":false}]", "[1].k")]
    public void Names_the_first_repeated_key_with_its_path(string json, string expected) =>
        Assert.Equal(expected, DuplicateKeys.Find(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"a\":1,\"b\":{\"a\":2}}")]
    [InlineData("[{\"a\":1},{\"a\":2}]")]
    [InlineData("{\"a\":")]
    [InlineData("not json")]
    public void Finds_nothing_when_no_object_repeats_a_key(string json) =>
        Assert.Null(DuplicateKeys.Find(Encoding.UTF8.GetBytes(json)));
}
