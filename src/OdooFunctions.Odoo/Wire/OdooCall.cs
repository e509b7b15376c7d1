using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>One call to Odoo, protocol-neutral: the body writers turn it into JSON-RPC or JSON-2.</summary>
internal sealed class OdooCall
{
    public required OdooOperation Operation { get; init; }

    /// <summary>The model (<c>common</c> for the version and login service).</summary>
    public required string Model { get; init; }

    public required string Method { get; init; }

    /// <summary>Reads are safe to send twice; only they are retried on transient failures.</summary>
    public required bool Retryable { get; init; }

    public OdooDomain? Domain { get; init; }

    public IReadOnlyCollection<long>? Ids { get; init; }

    public IReadOnlyCollection<string>? Fields { get; init; }

    public int? Limit { get; init; }

    public int Offset { get; init; }

    public string? Order { get; init; }

    /// <summary>Values of <c>create</c> / <c>write</c>.</summary>
    public JsonObject? Values { get; init; }

    /// <summary>Extra named arguments of an action (e.g. <c>context</c>).</summary>
    public JsonObject? Arguments { get; init; }

    /// <summary>For <see cref="OdooOperation.Authenticate"/>: the login.</summary>
    public string? Login { get; init; }

    public static OdooCall Action(string model, string method, IReadOnlyCollection<long>? ids, JsonObject? arguments, bool retryable) => new()
    {
        Operation = OdooOperation.Call,
        Model = model,
        Method = method,
        Retryable = retryable,
        Ids = ids,
        Arguments = arguments,
    };
}
