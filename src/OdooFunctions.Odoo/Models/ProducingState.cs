namespace OdooFunctions.Odoo.Models;

/// <summary>
/// What recording a produced quantity changes on a manufacturing order, as read before: the quantity, and where the
/// release records components by hand (16.0), each raw move's consumed quantity. Enough to write it all back.
/// </summary>
/// <param name="RawMoves">Empty where Odoo recomputes the components itself (17.0 on).</param>
public sealed record ProducingState(decimal QtyProducing, IReadOnlyList<RawMoveQuantity> RawMoves);

/// <summary>A component move of a manufacturing order and the quantity recorded as consumed on it.</summary>
public sealed record RawMoveQuantity(long MoveId, decimal Quantity);
