using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>The guide's table: which status an order shows for each state of its MO.</summary>
public sealed class OrderStatusTests
{
    /// <summary>The guide's table: an Odoo state and the status its orders show.</summary>
    public static TheoryData<string, string> GuideTable => new()
    {
        { "draft", "pending" },
        { "confirmed", "pending" },
        { "progress", "in_progress" },
        { "to_close", "in_progress" },
        { "done", "completed" },
        { "cancel", "cancelled" },
    };

    [Theory]
    [MemberData(nameof(GuideTable))]
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
