using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

/// <summary>The rules' own failures, answered by their part's rows in the one error table: status, code and words.</summary>
public sealed class DomainErrorMapTests
{

    public static TheoryData<Exception, int, string, string> Failures => new()
    {
        { new ManufacturingOrderNotFoundException(42), 404, "NOT_FOUND", "Manufacturing order 42 was not found in Odoo." },
        { new InvalidTransitionException("done", MoState.Confirmed), 409, "INVALID_TRANSITION", "A manufacturing order that is 'done' cannot become 'confirmed'." },
        {
            new InvalidTransitionException("You cannot cancel a done order.", new OdooValidationException("refused", null)),
            409, "INVALID_TRANSITION", "You cannot cancel a done order."
        },
        { new StateNotReachedException(7, "confirmed", MoState.Done), 409, "STATE_NOT_CHANGED", "Odoo accepted the request but manufacturing order 7 is 'confirmed', not 'done'." },
        { new StateNotReachedException(7, null, MoState.Done), 409, "STATE_NOT_CHANGED", "Odoo accepted the request but manufacturing order 7 is '', not 'done'." },
        {
            new BackorderDecisionNeededException(2.5m, 4m), 409, "BACKORDER_DECISION_NEEDED",
            "Producing 2.5 of 4: Odoo asks whether to make a backorder for the rest (wizard mrp.production.backorder). "
            + "Send \"backorder\": true to create one, or false to close the order without it."
        },
        {
            new StartActionMissingException("17.0"), 422, "UNPROCESSABLE",
            "Odoo 17.0 has no 'start' action: send 'qty_producing' with \"state\": \"progress\" to start production."
        },
        {
            new StartActionMissingException(null), 422, "UNPROCESSABLE",
            "This Odoo has no 'start' action: send 'qty_producing' with \"state\": \"progress\" to start production."
        },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Maps_each_to_its_status_code_and_message(Exception failure, int status, string code, string message)
    {
        var result = AppErrors.Errors.TryMap(failure);

        Assert.NotNull(result);
        Assert.Equal(status, result.StatusCode);
        Assert.False(result.ToJson()["success"]!.GetValue<bool>());
        Assert.Equal(code, result.ToJson()["error"]!["code"]!.GetValue<string>());
        Assert.Equal(message, result.ToJson()["message"]!.GetValue<string>());
        Assert.Equal(["success", "message", "error"], result.ToJson().AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_state_not_reached_after_changes_keeps_its_code_under_the_partial_answer()
    {
        var partial = new PartiallyAppliedException(7, new StateNotReachedException(7, "confirmed", MoState.Done), [new("priority", "0", "1")], verified: true);
        var result = AppErrors.Errors.TryMap(partial)!;

        Assert.Equal(409, result.StatusCode);
        Assert.Equal("STATE_NOT_CHANGED", result.ToJson()["error"]!["code"]!.GetValue<string>());
        Assert.StartsWith("Odoo accepted the request but manufacturing order 7 is 'confirmed', not 'done'. ", result.ToJson()["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
