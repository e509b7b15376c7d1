using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>Who may call an operation.</summary>
public enum ApiAccess
{
    /// <summary>A dashboard token with a role of <c>AUTH_READ_ROLES</c>.</summary>
    Read,

    /// <summary>A dashboard token with a role of <c>AUTH_WRITE_ROLES</c>.</summary>
    Write,

    /// <summary>No dashboard token: Odoo's webhook proves itself with its <c>code</c>.</summary>
    WebhookCode,
}

/// <summary>One operation of the HTTP API: a row of <see cref="ApiOperations"/>, from which the OpenAPI document is made.</summary>
/// <param name="OperationId">The function's name, as <c>functions.metadata</c> has it (tests hold them together).</param>
/// <param name="Tag">The group the reference page shows it under.</param>
public sealed record ApiOperation(string OperationId, string Method, string Path, string Tag, string Summary, ApiAccess Access)
{
    public string? Description { get; init; }

    public IReadOnlyList<ApiParameter> Parameters { get; init; } = [];

    /// <summary>The wire record of the JSON body, if the operation takes one.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>Examples of the body, by name (from the README).</summary>
    public IReadOnlyDictionary<string, JsonNode> RequestExamples { get; init; } = new Dictionary<string, JsonNode>();

    public required IReadOnlyList<ApiResponse> Responses { get; init; }
}

/// <summary>A query, path or header parameter and its JSON Schema (bounds taken from the constants the code checks).</summary>
public sealed record ApiParameter(string Name, string In, JsonObject Schema, string? Description = null, bool Required = false);

/// <summary>
/// One status an operation answers. <paramref name="Body"/> is the envelope type; for an error (<c>ErrorEnvelope</c>),
/// <paramref name="Codes"/> are the <c>error.code</c>s that status carries for this operation.
/// </summary>
public sealed record ApiResponse(int Status, string Description, Type Body, IReadOnlyList<string> Codes)
{
    public ApiResponse(int status, string description, Type body) : this(status, description, body, []) { }

    /// <summary>Headers the answer carries (<c>Retry-After</c>, <c>Location</c>).</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>Examples of the answer, by name (from the README).</summary>
    public IReadOnlyDictionary<string, JsonNode> Examples { get; init; } = new Dictionary<string, JsonNode>();
}
