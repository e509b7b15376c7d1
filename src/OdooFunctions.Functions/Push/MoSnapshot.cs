using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Odoo;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// What Odoo has committed for one MO: the values the dashboard gets and the <c>write_date</c> (whole seconds) that dates them.
/// The sync and the push read it alike from a <c>search_read</c> of <see cref="Fields"/> (<see cref="FromOdoo"/>).
/// </summary>
/// <param name="State">Odoo's name as sent (null when it is no text): compared as it is, reported as it is when <see cref="KnownState"/> is null.</param>
/// <param name="QtyProduced">0 when Odoo sent no number.</param>
public sealed record MoSnapshot(
    [property: JsonPropertyName("id"), JsonRequired] long Id,
    [property: JsonPropertyName("state"), JsonConverter(typeof(OdooTextConverter))] string? State,
    [property: JsonPropertyName("qty_produced"), JsonConverter(typeof(OdooNumberConverter))] double QtyProduced,
    [property: JsonPropertyName("write_date"), JsonConverter(typeof(OdooTimestampConverter))] DateTime? WriteDate)
{
    /// <summary>The <c>mrp.production</c> fields to read for it (Odoo always adds <c>id</c>).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["state", "qty_produced", "write_date"];

    /// <summary>The state, or null for a name the guide does not map (left alone and reported, never guessed).</summary>
    [JsonIgnore]
    public MoState? KnownState => MoState.TryParse(State, out var state) ? state : null;

    /// <summary>The MOs of <paramref name="ids"/> Odoo holds, read in one <c>search_read</c>, by id (ids Odoo does not have are absent).</summary>
    public static async Task<Dictionary<long, MoSnapshot>> ReadAsync(OdooFunctions.Odoo.OdooClient odoo, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        var records = await odoo.SearchReadAsync(Sync.StatusSync.Model, OdooFunctions.Odoo.OdooDomain.Where("id", "in", ids.ToArray()), Fields, cancellationToken: cancellationToken);
        var found = new Dictionary<long, MoSnapshot>(records.Count);
        foreach (var record in records)
        {
            if (FromOdoo(record) is { } mo)
            {
                found[mo.Id] = mo;
            }
        }

        return found;
    }

    /// <summary>The snapshot in one <c>search_read</c> record; null for a record without an integer id (there is nothing to match it to).</summary>
    public static MoSnapshot? FromOdoo(JsonObject record)
    {
        try
        {
            return record.Deserialize(PushJsonContext.Default.MoSnapshot);
        }
        catch (JsonException)
        {
            // Every other field reads whatever its value; only the id can be missing or no integer.
            return null;
        }
    }
}
