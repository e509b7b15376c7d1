namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>Odoo did not finish the order: it asks for a decision in one of its wizards (backorder, consumption warning).</summary>
public sealed class WizardDecisionException(string wizardModel, string message) : Exception(message)
{
    public const string Backorder = "mrp.production.backorder";
    public const string ConsumptionWarning = "mrp.consumption.warning";

    /// <summary>The wizard's model, e.g. <c>mrp.production.backorder</c>.</summary>
    public string WizardModel { get; } = wizardModel;
}
