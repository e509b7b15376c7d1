using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// A public model method and its Python signature (parameters after self), so that wrong arguments fail with
/// the TypeError (JSON-RPC) or UnprocessableEntity (JSON-2) that Odoo gives.
/// </summary>
internal sealed record OdooMethod(
    string Name,
    string? PythonClass,
    bool ModelLevel,
    string[] Parameters,
    int Required,
    bool AcceptsExtraKeywords,
    Func<OdooInvocation, JsonNode?> Run);

/// <summary>
/// One bound call: the user it runs as, the records (ids), the bound arguments and the context, plus the injected
/// fault that acts on the call itself, if any (<see cref="OdooFault.ConsumptionWarning"/> is answered by button_mark_done).
/// </summary>
internal sealed record OdooInvocation(OdooUser User, OdooModelSchema Schema, IReadOnlyList<long> Ids, IReadOnlyDictionary<string, JsonNode?> Arguments, JsonObject Context, bool Json2, OdooFault? Fault = null)
{
    /// <summary>The RPC as "model.method", for the webhooks it causes.</summary>
    public string Name { get; init; } = "";

    public JsonNode? Arg(string name) => Arguments.TryGetValue(name, out var value) ? value : null;
}
