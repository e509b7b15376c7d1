using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// Odoo's manufacturing orders (<c>mrp.production</c>) over the one shared <see cref="OdooClient"/>: the operations
/// whose calls differ between Odoo releases (recording a quantity, starting, finishing), each taken from the row of
/// <see cref="OdooRelease"/> the server runs. Methods are virtual so that callers can substitute the client in tests.
/// </summary>
public class ManufacturingOrderClient
{
    public const string Model = "mrp.production";

    private const string RawMoveModel = "stock.move";

    /// <summary>16.0's form asks onchange for these of each raw move (as the recorded 17-i call does).</summary>
    private static readonly JsonObject RawMoveOnchangeSpec = new()
    {
        ["qty_producing"] = "1",
        ["move_raw_ids"] = "1",
        ["move_raw_ids.product_id"] = "",
        ["move_raw_ids.product_uom_qty"] = "",
        ["move_raw_ids.quantity_done"] = "",
        ["move_raw_ids.state"] = "",
    };

    private readonly OdooClient _odoo = null!;

    /// <summary>For mocking only.</summary>
    protected ManufacturingOrderClient() { }

    public ManufacturingOrderClient(OdooClient odoo)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        _odoo = odoo;
    }

    /// <summary>The release row of the connected server.</summary>
    public virtual async Task<OdooRelease> GetReleaseAsync(CancellationToken cancellationToken = default) =>
        (await _odoo.GetServerVersionAsync(cancellationToken)).Release;

    /// <summary>
    /// What <see cref="RecordProducingAsync"/> would change, so that it can be written back: <paramref name="qtyProducing"/>
    /// (the order's quantity as the caller read it) and, where components are recorded by hand (16.0), each raw move's
    /// consumption, read from Odoo. Elsewhere no call is made.
    /// </summary>
    public virtual async Task<ProducingState> GetProducingAsync(long id, decimal qtyProducing, CancellationToken cancellationToken = default)
    {
        var release = await GetReleaseAsync(cancellationToken);
        if (release.RecordProducing != ProducingRoute.OnchangeRawMoves)
        {
            return new ProducingState(qtyProducing, []);
        }

        var orders = await _odoo.ReadAsync(Model, [id], ["move_raw_ids"], cancellationToken);
        var order = (orders.Count > 0 ? orders[0] : null)
            ?? throw new OdooMissingRecordException($"Odoo has no {Model} {id}.") { Model = Model, Method = "read" };
        var moveIds = order["move_raw_ids"] is JsonArray ids ? ids.Select(node => node!.GetValue<long>()).ToList() : [];
        var moves = await _odoo.ReadAsync(RawMoveModel, moveIds, ["quantity_done"], cancellationToken);
        return new ProducingState(qtyProducing, [.. moves.Select(move => new RawMoveQuantity(move["id"]!.GetValue<long>(), Number(move["quantity_done"])))]);
    }

    /// <summary>
    /// Records <paramref name="quantity"/> as being produced, with the components following as Odoo's own form makes
    /// them (<paramref name="current"/>: from <see cref="GetProducingAsync"/>). Two calls that change Odoo on every release.
    /// </summary>
    public virtual async Task RecordProducingAsync(long id, decimal quantity, ProducingState current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var release = await GetReleaseAsync(cancellationToken);
        if (release.RecordProducing == ProducingRoute.SetQtyProducing)
        {
            await _odoo.WriteAsync(Model, [id], new JsonObject { ["qty_producing"] = quantity }, cancellationToken);
            await _odoo.CallAsync(Model, "set_qty_producing", [id], null, cancellationToken);
            return;
        }

        // 16.0: the form's onchange computes each component's consumption; one write stores it with the quantity.
        var consumed = current.RawMoves.Count == 0 ? [] : await OnchangeRawMovesAsync(id, quantity, current, cancellationToken);
        await _odoo.WriteAsync(Model, [id], ProducingValues(quantity, consumed), cancellationToken);
    }

    /// <summary>Writes back what <see cref="RecordProducingAsync"/> changed.</summary>
    public virtual async Task RestoreProducingAsync(long id, ProducingState previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var release = await GetReleaseAsync(cancellationToken);
        await _odoo.WriteAsync(Model, [id], ProducingValues(previous.QtyProducing, previous.RawMoves), cancellationToken);
        if (release.RecordProducing == ProducingRoute.SetQtyProducing)
        {
            await _odoo.CallAsync(Model, "set_qty_producing", [id], null, cancellationToken);
        }
    }

    /// <summary>Starts production without a quantity, where the release has a start action (see <see cref="OdooRelease.StartAction"/>).</summary>
    public virtual async Task StartAsync(long id, CancellationToken cancellationToken = default)
    {
        var release = await GetReleaseAsync(cancellationToken);
        var action = release.StartAction ?? throw new InvalidOperationException($"Odoo {release} has no start action.");
        await _odoo.CallAsync(Model, action, [id], null, cancellationToken);
    }

    /// <summary>
    /// <c>button_mark_done</c>; with a backorder decision, the context that answers Odoo's backorder question up front
    /// (the same on every release: <c>skip_backorder</c>, and the orders to make a backorder for). Returns Odoo's answer:
    /// true, or an action (the backorder it made, or a wizard asking a person).
    /// </summary>
    public virtual Task<JsonNode?> MarkDoneAsync(long id, bool? backorder, CancellationToken cancellationToken = default)
    {
        var arguments = backorder is { } makeBackorder
            ? new JsonObject
            {
                ["context"] = new JsonObject
                {
                    ["skip_backorder"] = true,
                    ["mo_ids_to_backorder"] = makeBackorder ? new JsonArray(id) : new JsonArray(),
                },
            }
            : null;
        return _odoo.CallAsync(Model, "button_mark_done", [id], arguments, cancellationToken);
    }

    /// <summary>16.0's onchange on <c>qty_producing</c>: the consumption Odoo computes for each of the order's raw moves.</summary>
    private async Task<List<RawMoveQuantity>> OnchangeRawMovesAsync(long id, decimal quantity, ProducingState current, CancellationToken cancellationToken)
    {
        var values = new JsonObject
        {
            ["qty_producing"] = quantity,
            ["move_raw_ids"] = new JsonArray([.. current.RawMoves.Select(move => (JsonNode?)new JsonArray(4, move.MoveId, false))]),
        };
        var result = await _odoo.CallAsync(Model, "onchange", [id], new JsonObject
        {
            ["values"] = values,
            ["field_name"] = "qty_producing",
            ["field_onchange"] = RawMoveOnchangeSpec.DeepClone(),
        }, cancellationToken);

        // The answer lists the moves as x2many commands: [5] clears, then [1, id, {..., quantity_done}] per move.
        var commands = result?["value"]?["move_raw_ids"] as JsonArray ?? [];
        var consumed = new List<RawMoveQuantity>();
        foreach (var command in commands.OfType<JsonArray>())
        {
            if (command.Count == 3 && command[0]?.GetValue<int>() == 1 && command[2]?["quantity_done"] is JsonValue done)
            {
                consumed.Add(new RawMoveQuantity(command[1]!.GetValue<long>(), Number(done)));
            }
        }

        return consumed;
    }

    private static JsonObject ProducingValues(decimal quantity, IReadOnlyList<RawMoveQuantity> rawMoves)
    {
        var values = new JsonObject { ["qty_producing"] = quantity };
        if (rawMoves.Count > 0)
        {
            values["move_raw_ids"] = new JsonArray([.. rawMoves.Select(move =>
                (JsonNode?)new JsonArray(1, move.MoveId, new JsonObject { ["quantity_done"] = move.Quantity }))]);
        }

        return values;
    }

    private static decimal Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? (decimal)number : 0m;
}
