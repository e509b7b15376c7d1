using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>One call to Odoo, protocol-neutral: its <see cref="Operation"/> writes it in either protocol's form.</summary>
internal sealed class OdooCall
{
    private readonly string? _method;
    private readonly bool? _retryable;

    public required OdooOperation Operation { get; init; }

    /// <summary>The model (<c>common</c> for the version and login service).</summary>
    public required string Model { get; init; }

    /// <summary>Odoo's method name; follows from <see cref="Operation"/> except for <see cref="OdooOperation.Call"/>.</summary>
    public string Method
    {
        get => _method ?? Operation.Method ?? throw new InvalidOperationException("A method call needs its method name.");
        init => _method = value;
    }

    /// <summary>
    /// Reads are safe to send twice; only they are retried on transient failures. Creates, writes, unlinks and
    /// actions are not, unless a call says otherwise (a read-only method such as <c>context_get</c>).
    /// </summary>
    public bool Retryable
    {
        get => _retryable ?? Operation.Retryable;
        init => _retryable = value;
    }

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
