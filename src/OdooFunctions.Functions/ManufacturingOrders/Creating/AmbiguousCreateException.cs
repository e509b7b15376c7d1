using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// The request whose answer was lost may have made any of several orders in Odoo. The app does not guess: an operator
/// decides which one is the order (and cancels the others).
/// </summary>
public sealed class AmbiguousCreateException(IReadOnlyList<CreateCandidate> candidates) : Exception(
    "An earlier attempt with this Idempotency-Key did not finish, and Odoo holds more than one order it may have made: "
    + string.Join(", ", candidates.Select(c => $"{c.Name} (id {c.Id})"))
    + ". Check them in Odoo and cancel the extra ones; this key keeps answering 409 until then.")
{
    public IReadOnlyList<CreateCandidate> Candidates { get; } = candidates;
}
