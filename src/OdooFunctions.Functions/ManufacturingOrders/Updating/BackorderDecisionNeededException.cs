namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>Finishing less than planned makes Odoo ask about a backorder; the update did not say, so nothing is changed.</summary>
public sealed class BackorderDecisionNeededException(decimal produce, decimal planned) : Exception(
    $"Producing {produce} of {planned}: Odoo asks whether to make a backorder for the rest (wizard mrp.production.backorder). "
    + "Send \"backorder\": true to create one, or false to close the order without it.");
