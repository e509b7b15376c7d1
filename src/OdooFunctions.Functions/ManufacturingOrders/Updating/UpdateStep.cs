using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// One change an update makes in Odoo, in the order <see cref="UpdatePlan"/> lists them. The kinds are closed: each is
/// one of Odoo's own ways of changing an order, never a write of <c>state</c>.
/// </summary>
public abstract record UpdateStep
{
    private UpdateStep()
    {
    }

    /// <summary>The step as an access error names it: Odoo's method, or what the call does.</summary>
    public abstract string Name { get; }

    /// <summary>Writes the update's field values (the state and the quantities go through the steps below).</summary>
    public sealed record WriteFields(ManufacturingOrderValues Values) : UpdateStep
    {
        public override string Name => "write";
    }

    /// <summary><c>action_confirm</c>: a draft becomes confirmed.</summary>
    public sealed record Confirm : UpdateStep
    {
        public override string Name => "action_confirm";
    }

    /// <summary>Records <paramref name="Quantity"/> as being produced, the components following (undone if a later step fails).</summary>
    public sealed record RecordProducing(decimal Quantity) : UpdateStep
    {
        public override string Name => "record qty_producing";
    }

    /// <summary>Starts production without a quantity, by the release's own action (<c>action_start</c>).</summary>
    public sealed record Start(string Action) : UpdateStep
    {
        public override string Name => Action;
    }

    /// <summary><c>button_mark_done</c>, with the update's backorder decision as given (null: none given, as none was needed).</summary>
    public sealed record MarkDone(bool? Backorder) : UpdateStep
    {
        public override string Name => "button_mark_done";
    }

    /// <summary><c>action_cancel</c>.</summary>
    public sealed record Cancel : UpdateStep
    {
        public override string Name => "action_cancel";
    }
}
