using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// What an update's rules read of a manufacturing order in the guide's shape: where it stands. The order itself
/// goes to the dashboard as Odoo gave it; this is only the part the rules decide on.
/// </summary>
/// <param name="State">Odoo's name, as sent (null when the answer has none).</param>
public sealed record MoProgress(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("product_qty")] double? ProductQty,
    [property: JsonPropertyName("qty_producing")] double? QtyProducing)
{
    /// <summary>The state, or null for a name <see cref="MoState"/> does not know.</summary>
    [JsonIgnore]
    public MoState? KnownState => MoState.TryParse(State, out var state) ? state : null;

    /// <summary>
    /// Reads <paramref name="order"/>; a value of another type than Odoo's (a state that is no text, a quantity that
    /// is no number) is a bug to look at, not the caller's mistake, so it is no <see cref="JsonException"/> (400).
    /// </summary>
    public static MoProgress Of(JsonObject order)
    {
        try
        {
            return order.Deserialize(ManufacturingOrderJsonContext.Default.MoProgress)!;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"A manufacturing order from Odoo has an unexpected value at {e.Path}.", e);
        }
    }
}
