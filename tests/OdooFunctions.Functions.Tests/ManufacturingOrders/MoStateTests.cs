using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

public sealed class MoStateTests
{
    [Theory]
    [InlineData("draft")]
    [InlineData("confirmed")]
    [InlineData("progress")]
    [InlineData("to_close")]
    [InlineData("done")]
    [InlineData("cancel")]
    public void Parses_Odoos_name(string odooName)
    {
        var state = MoState.Parse(odooName);
        Assert.Equal(odooName, state.OdooName);
        Assert.Equal(odooName, state.ToString());
        Assert.Same(state, MoState.All.Single(s => s.OdooName == odooName));
    }

    [Theory]
    [InlineData("planned")]
    [InlineData("DONE")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_guess_an_unknown_name(string? odooName)
    {
        Assert.False(MoState.TryParse(odooName, out var state));
        Assert.Null(state);
        if (odooName is not null)
        {
            Assert.Throws<FormatException>(() => MoState.Parse(odooName));
        }
    }

    [Fact]
    public void Lists_the_states_in_Odoos_order_and_every_one_but_draft_as_settable()
    {
        Assert.Equal(["draft", "confirmed", "progress", "to_close", "done", "cancel"], MoState.All.Select(s => s.OdooName));
        Assert.Equal(["confirmed", "progress", "to_close", "done", "cancel"], MoState.Settable.Select(s => s.OdooName));
    }

    // The update's rules as the workflow had them: for each target, the states it may be asked from.
    [Theory]
    [InlineData("confirmed", "draft confirmed")]
    [InlineData("progress", "draft confirmed progress to_close")]
    [InlineData("to_close", "draft confirmed progress to_close")]
    [InlineData("done", "draft confirmed progress to_close done")]
    [InlineData("cancel", "draft confirmed progress to_close done cancel")]
    public void An_update_may_ask_for_a_target_only_from_the_states_the_workflow_allows(string target, string from)
    {
        var allowed = from.Split(' ');
        foreach (var state in MoState.All)
        {
            Assert.Equal(allowed.Contains(state.OdooName), state.CanBecome(MoState.Parse(target)));
            Assert.Equal(state.CanBecome(MoState.Parse(target)), state.Targets.Contains(MoState.Parse(target)));
        }
    }

    [Fact]
    public void Nothing_goes_back_to_draft() => Assert.All(MoState.All, state => Assert.False(state.CanBecome(MoState.Draft)));

    [Theory]
    [InlineData("confirmed", "confirmed")]
    [InlineData("progress", "progress to_close")]
    [InlineData("to_close", "to_close")]
    [InlineData("done", "done")]
    [InlineData("cancel", "cancel")]
    public void A_target_counts_as_reached_in_its_own_state_and_progress_also_in_to_close(string target, string reachedIn)
    {
        var reached = reachedIn.Split(' ');
        foreach (var state in MoState.All)
        {
            Assert.Equal(reached.Contains(state.OdooName), state.HasReached(MoState.Parse(target)));
        }
    }
}
