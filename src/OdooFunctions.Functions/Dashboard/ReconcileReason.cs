namespace OdooFunctions.Functions.Dashboard;

/// <summary>Why the <see cref="OrderReconciler"/> sends a PATCH or leaves an order alone.</summary>
public enum ReconcileReason
{
    /// <summary>The order's status or quantity differs from its MO's: a PATCH of both.</summary>
    OutOfStep,

    /// <summary>The order already shows its MO's status and quantity.</summary>
    InStep,

    /// <summary>The order shows a status a person set on purpose (<see cref="KeptStatuses"/>): whatever Odoo says, it stays.</summary>
    Kept,

    /// <summary>The MO is in a state the guide does not map: reported, never guessed.</summary>
    UnknownState,

    /// <summary>The order was already sent values Odoo wrote later than the ones read here (another instance read after this one).</summary>
    NewerSent,
}
