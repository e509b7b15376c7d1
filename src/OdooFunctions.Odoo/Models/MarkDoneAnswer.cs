namespace OdooFunctions.Odoo.Models;

/// <summary>
/// What <c>button_mark_done</c> answered: Odoo finished the order (<c>true</c>, or it shows the <c>mrp.production</c>
/// backorder it made), or it opened a wizard that asks a person to decide (backorder, consumption warning,
/// immediate production) and changed nothing.
/// </summary>
/// <param name="WizardModel">The wizard's model (e.g. <c>mrp.consumption.warning</c>), null when Odoo finished.</param>
/// <param name="WizardTitle">The wizard's title as Odoo names it.</param>
public sealed record MarkDoneAnswer(string? WizardModel, string? WizardTitle)
{
    public static MarkDoneAnswer Finished { get; } = new(null, null);

    public bool IsFinished => WizardModel is null;
}
