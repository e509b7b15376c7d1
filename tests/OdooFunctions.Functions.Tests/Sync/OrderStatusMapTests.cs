using OdooFunctions.Functions.Sync;

namespace OdooFunctions.Functions.Tests.Sync;

public class OrderStatusMapTests
{
    [Theory]
    [InlineData("draft", "pending")]
    [InlineData("confirmed", "pending")]
    [InlineData("progress", "in_progress")]
    [InlineData("to_close", "in_progress")]
    [InlineData("done", "completed")]
    [InlineData("cancel", "cancelled")]
    public void Maps_each_Odoo_state_to_the_guides_dashboard_status(string state, string status) =>
        Assert.Equal(status, OrderStatusMap.ToDashboardStatus(state));

    [Theory]
    [InlineData("planned")]
    [InlineData("DONE")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_guess_a_status_for_an_unknown_state(string? state) =>
        Assert.Null(OrderStatusMap.ToDashboardStatus(state));
}
