namespace OdooFunctions.Functions.Push;

/// <summary>A dashboard order as a full sync (or an index refresh) leaves it: the MO it links and the values it holds.</summary>
public sealed record IndexedOrder(long MoId, string OrderId, string? Status, double? QtyProduced);
