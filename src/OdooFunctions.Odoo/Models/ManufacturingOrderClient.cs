using System.Text.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// Odoo's manufacturing orders (<c>mrp.production</c>) over the one shared <see cref="OdooClient"/>: reads in the same
/// fields on every release, writes in the release's field names, and the operations whose calls differ between
/// releases (recording a quantity, starting, finishing), each taken from the row of <see cref="OdooRelease"/> the
/// server runs. Methods are virtual so that callers can substitute the client in tests.
/// </summary>
public class ManufacturingOrderClient
{
    public const string Model = "mrp.production";

    private const string RawMoveModel = "stock.move";

    private static readonly PerRelease<RecordShape> Shapes = new(release => new RecordShape(Model,
    [
        RecordField.Same("id"), RecordField.Same("name"), RecordField.Same("product_id"), RecordField.Same("product_qty"),
        RecordField.Same("product_uom_id"), RecordField.Same("state"), new("date_planned_start", [release.PlannedStartField]),
        RecordField.Same("date_deadline"), RecordField.Same("priority"), RecordField.Same("user_id"), RecordField.Same("company_id"),
        RecordField.Same("origin"), RecordField.Same("qty_produced"), RecordField.Same("qty_producing"),
    ]));

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
    private readonly ModelReader<ManufacturingOrder> _reader = null!;

    /// <summary>For mocking only.</summary>
    protected ManufacturingOrderClient() { }

    public ManufacturingOrderClient(OdooClient odoo)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        _odoo = odoo;
        _reader = new(odoo, Shapes, OdooModelsJsonContext.Default.ManufacturingOrder);
    }

    /// <summary>The release row of the connected server.</summary>
    public virtual async Task<OdooRelease> GetReleaseAsync(CancellationToken cancellationToken = default) =>
        (await _odoo.GetServerVersionAsync(cancellationToken)).Release;

    /// <param name="state">Only orders in this state (Odoo's name), or every order (null).</param>
    public virtual Task<IReadOnlyList<ManufacturingOrder>> ListAsync(string? state, int limit, int offset, CancellationToken cancellationToken = default) =>
        _reader.SearchAsync(state is null ? OdooDomain.All : OdooDomain.Where("state", "=", state), limit, offset, "id", cancellationToken);

    /// <summary>The orders <paramref name="domain"/> selects, by id.</summary>
    public virtual Task<IReadOnlyList<ManufacturingOrder>> SearchAsync(OdooDomain domain, int limit, CancellationToken cancellationToken = default) =>
        _reader.SearchAsync(domain, limit, 0, "id", cancellationToken);

    /// <summary>One order, or null when Odoo has none with this id.</summary>
    public virtual async Task<ManufacturingOrder?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await _reader.ReadAsync([id], cancellationToken)) is [var order] ? order : null;

    /// <summary>The progress of the orders of <paramref name="ids"/> Odoo holds, in one <c>search_read</c>, by id (ids Odoo does not have are absent).</summary>
    public virtual async Task<IReadOnlyDictionary<long, ManufacturingOrderProgress>> GetProgressAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = await _odoo.SearchReadAsync(Model, OdooDomain.Where("id", "in", ids.ToArray()), ManufacturingOrderProgress.Fields, cancellationToken: cancellationToken);
        var found = new Dictionary<long, ManufacturingOrderProgress>(records.Count);
        foreach (var record in records)
        {
            if (ReadProgress(record) is { } progress)
            {
                found[progress.Id] = progress;
            }
        }

        return found;
    }

    /// <summary>The progress in one <c>search_read</c> record; null for a record without an integer id (there is nothing to match it to).</summary>
    public static ManufacturingOrderProgress? ReadProgress(JsonObject record)
    {
        try
        {
            return record.Deserialize(OdooModelsJsonContext.Default.ManufacturingOrderProgress);
        }
        catch (JsonException)
        {
            // Every other field reads whatever its value; only the id can be missing or no integer.
            return null;
        }
    }

    /// <summary>Creates one order and returns its id. Never retried.</summary>
    public virtual async Task<long> CreateAsync(ManufacturingOrderValues values, CancellationToken cancellationToken = default) =>
        await _odoo.CreateAsync(Model, ToOdoo(values, await GetReleaseAsync(cancellationToken)), cancellationToken);

    /// <summary>Writes <paramref name="values"/> on one order. Never retried.</summary>
    public virtual async Task WriteAsync(long id, ManufacturingOrderValues values, CancellationToken cancellationToken = default) =>
        await _odoo.WriteAsync(Model, [id], ToOdoo(values, await GetReleaseAsync(cancellationToken)), cancellationToken);

    /// <summary>Writes back the values <paramref name="before"/> had in <paramref name="fields"/>, an empty one as Odoo's <c>false</c>.</summary>
    public virtual async Task RestoreAsync(long id, ManufacturingOrder before, IReadOnlyCollection<ManufacturingOrderField> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(fields);
        var release = await GetReleaseAsync(cancellationToken);
        var values = new JsonObject();
        foreach (var field in fields)
        {
            values[OdooName(field, release)] = field switch
            {
                ManufacturingOrderField.ProductId => before.ProductId?.Id is { } productId ? JsonValue.Create(productId) : JsonValue.Create(false),
                ManufacturingOrderField.ProductQty => before.ProductQty,
                ManufacturingOrderField.DatePlannedStart => OrFalse(before.DatePlannedStart),
                ManufacturingOrderField.DateDeadline => OrFalse(before.DateDeadline),
                ManufacturingOrderField.Priority => OrFalse(before.Priority),
                ManufacturingOrderField.Origin => OrFalse(before.Origin),
                _ => throw new ArgumentOutOfRangeException(nameof(fields), field, null),
            };
        }

        await _odoo.WriteAsync(Model, [id], values, cancellationToken);
    }

    /// <summary><c>action_confirm</c>: a draft order becomes confirmed.</summary>
    public virtual Task ConfirmAsync(long id, CancellationToken cancellationToken = default) =>
        _odoo.CallAsync(Model, "action_confirm", [id], null, cancellationToken);

    /// <summary><c>action_cancel</c>.</summary>
    public virtual Task CancelAsync(long id, CancellationToken cancellationToken = default) =>
        _odoo.CallAsync(Model, "action_cancel", [id], null, cancellationToken);

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
    /// (the same on every release: <c>skip_backorder</c>, and the orders to make a backorder for).
    /// </summary>
    public virtual async Task<MarkDoneAnswer> MarkDoneAsync(long id, bool? backorder, CancellationToken cancellationToken = default)
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
        var result = await _odoo.CallAsync(Model, "button_mark_done", [id], arguments, cancellationToken);

        // true, or an action that shows an mrp.production (17.0 and 19.0 show the backorder they made): Odoo finished.
        // Any other action is a wizard asking a person to decide.
        if (result is JsonObject action && action["res_model"] is JsonValue resModel && resModel.TryGetValue<string>(out var model) && model != Model)
        {
            return new MarkDoneAnswer(model, action["name"] is JsonValue name && name.TryGetValue<string>(out var title) ? title : model);
        }

        return MarkDoneAnswer.Finished;
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

    private static JsonObject ToOdoo(ManufacturingOrderValues values, OdooRelease release)
    {
        ArgumentNullException.ThrowIfNull(values);
        var odoo = new JsonObject();
        if (values.ProductId is { } productId) odoo["product_id"] = productId;
        if (values.ProductQty is { } qty) odoo["product_qty"] = qty;
        if (values.DatePlannedStart is { } start) odoo[release.PlannedStartField] = start;
        if (values.DateDeadline is { } deadline) odoo["date_deadline"] = deadline;
        if (values.Origin is { } origin) odoo["origin"] = origin;
        if (values.Priority is { } priority) odoo["priority"] = priority;
        return odoo;
    }

    private static string OdooName(ManufacturingOrderField field, OdooRelease release) => field switch
    {
        ManufacturingOrderField.ProductId => "product_id",
        ManufacturingOrderField.ProductQty => "product_qty",
        ManufacturingOrderField.DatePlannedStart => release.PlannedStartField,
        ManufacturingOrderField.DateDeadline => "date_deadline",
        ManufacturingOrderField.Priority => "priority",
        ManufacturingOrderField.Origin => "origin",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static JsonValue OrFalse(string? value) => value is null ? JsonValue.Create(false) : JsonValue.Create(value);

    private static decimal Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? (decimal)number : 0m;
}
