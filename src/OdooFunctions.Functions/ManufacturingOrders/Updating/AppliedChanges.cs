using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Models.Json;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>What Odoo holds differently after an update that did not end as asked, in the fields the answer names.</summary>
public static class AppliedChanges
{
    /// <summary>The fields whose change a failed update must undo or report, as the answer names them.</summary>
    private static readonly (string Field, Func<ManufacturingOrder, object?> Value)[] Tracked =
    [
        ("state", mo => mo.State),
        ("product_qty", mo => mo.ProductQty),
        ("qty_producing", mo => mo.QtyProducing),
        ("qty_produced", mo => mo.QtyProduced),
        ("date_planned_start", mo => mo.DatePlannedStart),
        ("date_deadline", mo => mo.DateDeadline),
        ("priority", mo => mo.Priority),
        ("origin", mo => mo.Origin),
    ];

    /// <summary>Every tracked field <paramref name="after"/> holds differently from <paramref name="before"/>.</summary>
    public static List<AppliedChange> Between(ManufacturingOrder before, ManufacturingOrder after) =>
        [.. Tracked.Where(tracked => !Equals(tracked.Value(before), tracked.Value(after)))
            .Select(tracked => new AppliedChange(tracked.Field, tracked.Value(before), tracked.Value(after)))];

    /// <summary>
    /// When the order cannot be read back: what the steps that ran may have changed, each now
    /// <see cref="OdooScalarConverter.Unknown"/>. The state always (an action may have run), the recorded quantity
    /// when one was recorded, and the fields written.
    /// </summary>
    public static List<AppliedChange> Possible(ManufacturingOrder before, bool recordedProducing, IReadOnlyList<ManufacturingOrderField> writtenFields)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(writtenFields);
        var unknown = OdooScalarConverter.Unknown;
        List<AppliedChange> maybe = [new("state", before.State, unknown)];
        if (recordedProducing) maybe.Add(new("qty_producing", before.QtyProducing, unknown));
        foreach (var field in writtenFields)
        {
            var (name, value) = Tracked.First(tracked => tracked.Field == FieldName(field));
            maybe.Add(new(name, value(before), unknown));
        }

        return maybe;
    }

    /// <summary>The name the answer gives a written field.</summary>
    private static string FieldName(ManufacturingOrderField field) => field switch
    {
        ManufacturingOrderField.ProductQty => "product_qty",
        ManufacturingOrderField.DatePlannedStart => "date_planned_start",
        ManufacturingOrderField.DateDeadline => "date_deadline",
        ManufacturingOrderField.Priority => "priority",
        ManufacturingOrderField.Origin => "origin",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "An update does not write it."),
    };
}
