using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>The guide's table: which status an order shows for each state of its MO.</summary>
public sealed class OrderStatusTests
{
    [Theory]
    [InlineData("draft", "pending")]
    [InlineData("confirmed", "pending")]
    [InlineData("progress", "in_progress")]
    [InlineData("to_close", "in_progress")]
    [InlineData("done", "completed")]
    [InlineData("cancel", "cancelled")]
    public void Each_MO_state_shows_as_the_guides_dashboard_status(string odooName, string status)
    {
        Assert.Equal(status, OrderStatus.For(MoState.Parse(odooName)));
        Assert.Equal(status, OrderStatus.ForOdooState(odooName));
    }

    [Fact]
    public void Every_MO_state_has_a_status() =>
        Assert.All(MoState.All, state => Assert.NotNull(OrderStatus.For(state)));

    [Theory]
    [InlineData("planned")]
    [InlineData("DONE")]
    [InlineData("")]
    [InlineData(null)]
    public void A_state_the_guide_does_not_map_has_no_status(string? odooName) =>
        Assert.Null(OrderStatus.ForOdooState(odooName));
}
