namespace OdooFunctions.Odoo.Releases;

/// <summary>How a manufacturing order records the quantity being produced so that its components follow, as Odoo's form does.</summary>
public enum ProducingRoute
{
    /// <summary>
    /// 16.0: no public method propagates <c>qty_producing</c> (<c>set_qty_producing</c> does not exist, the private ones are
    /// refused), so the form's own round trip: <c>onchange</c> on <c>qty_producing</c> computes each raw move's
    /// <c>quantity_done</c>, then one <c>write</c> stores the quantity and those moves.
    /// </summary>
    OnchangeRawMoves,

    /// <summary>17.0 on: <c>write {qty_producing}</c>, then <c>set_qty_producing</c> gives the moves their quantity (picked).</summary>
    SetQtyProducing,
}
