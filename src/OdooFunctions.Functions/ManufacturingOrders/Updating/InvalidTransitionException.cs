namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// The order cannot go to the state the update asks for: refused by the rules before Odoo is changed
/// (<see cref="MoState.CanBecome"/>), or by Odoo's own action, whose reason is then the message.
/// </summary>
public sealed class InvalidTransitionException : Exception
{
    public InvalidTransitionException(string currentState, MoState target)
        : base($"A manufacturing order that is '{currentState}' cannot become '{target}'.")
    {
    }

    public InvalidTransitionException(string odooReason, Exception refusal)
        : base(odooReason, refusal)
    {
    }
}
