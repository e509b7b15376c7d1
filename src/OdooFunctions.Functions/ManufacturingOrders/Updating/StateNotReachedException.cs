namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>Odoo carried out every step without an error, yet the order read back is not in the state asked for.</summary>
public sealed class StateNotReachedException(long id, string? now, MoState target)
    : Exception($"Odoo accepted the request but manufacturing order {id} is '{now}', not '{target}'.");
