using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo;

/// <summary>
/// The client for one Odoo server, shaped like an Azure SDK client: one instance per app (singleton),
/// thread-safe, async methods that take a <see cref="CancellationToken"/>, failures as specific
/// <see cref="OdooException"/> types. Records come back as <see cref="JsonObject"/> with Odoo's values
/// exactly as the server sent them.
/// Methods are virtual so that callers can substitute the client in their own tests.
/// </summary>
public class OdooClient
{
    /// <summary>For mocking only.</summary>
    protected OdooClient() { }

    /// <summary>The server version, asked once and cached.</summary>
    public virtual Task<OdooServerVersion> GetServerVersionAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Logs in (once; shared by every caller) and reports the uid, protocol and version.</summary>
    public virtual Task<OdooConnection> ConnectAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<JsonObject>> SearchReadAsync(
        string model, OdooDomain domain, IReadOnlyCollection<string> fields,
        int? limit = null, int offset = 0, string? order = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads records by id; ids that do not exist are simply absent (Odoo answers <c>[]</c> for them).</summary>
    public virtual Task<IReadOnlyList<JsonObject>> ReadAsync(
        string model, IReadOnlyCollection<long> ids, IReadOnlyCollection<string> fields,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public virtual Task<long> SearchCountAsync(string model, OdooDomain domain, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Creates one record and returns its id. Never retried.</summary>
    public virtual Task<long> CreateAsync(string model, JsonObject values, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Writes values on records. Never retried.</summary>
    public virtual Task<bool> WriteAsync(string model, IReadOnlyCollection<long> ids, JsonObject values, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Deletes records. Never retried.</summary>
    public virtual Task<bool> UnlinkAsync(string model, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Describes the model's fields (<c>type</c>, <c>string</c>, <c>readonly</c>, <c>required</c>, <c>selection</c>, <c>relation</c>).</summary>
    public virtual Task<IReadOnlyDictionary<string, OdooField>> FieldsGetAsync(string model, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Calls a method on records, such as <c>action_confirm</c> or <c>button_mark_done</c>, with optional named
    /// arguments. Returns the method's result; <c>null</c> when it returned None. Never retried.
    /// </summary>
    public virtual Task<JsonNode?> CallAsync(
        string model, string method, IReadOnlyCollection<long> ids, JsonObject? arguments = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
