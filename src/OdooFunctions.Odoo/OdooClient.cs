using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OdooFunctions.Odoo.Wire;

namespace OdooFunctions.Odoo;

/// <summary>
/// The client for one Odoo server, shaped like an Azure SDK client: one instance per app (singleton),
/// thread-safe, async methods that take a <see cref="CancellationToken"/>, failures as specific
/// <see cref="OdooException"/> types. Records come back as <see cref="JsonObject"/> with Odoo's values
/// exactly as the server sent them.
/// A thin façade: each method checks its arguments, names its <see cref="OdooOperation"/> and shapes the answer;
/// <see cref="OdooLogin"/> owns the session and key rotation, <see cref="OdooRpcChannel"/> sends, the protocol objects
/// write and read the wire.
/// Methods are virtual so that callers can substitute the client in their own tests.
/// </summary>
public class OdooClient
{
    /// <summary>The name of the HttpClient that <c>AddOdooClient</c> registers.</summary>
    public const string HttpClientName = "Odoo";

    /// <summary>The logging category of every call.</summary>
    public const string LoggerCategory = "Odoo";

    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> of a span per call (<c>odoo.call</c>: <c>odoo.model</c>,
    /// <c>odoo.method</c>, <c>odoo.protocol</c>, <c>odoo.outcome</c>); add it to a tracer by this name.
    /// </summary>
    public const string ActivitySourceName = "OdooFunctions.Odoo";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> of <c>odoo.client.call.duration</c> (ms, with the span's four
    /// tags); add it to a meter provider by this name.
    /// </summary>
    public const string MeterName = "OdooFunctions.Odoo";

    private static readonly JsonObject EmptyArguments = [];

    private readonly OdooRpcChannel _channel = null!;
    private readonly OdooLogin _login = null!;
    private readonly Lock _versionGate = new();
    private Task<OdooServerVersion>? _version;

    /// <summary>For mocking only.</summary>
    protected OdooClient() { }

    /// <param name="httpClient">Normally the named client <see cref="HttpClientName"/> from <c>AddOdooClient</c>, which carries the timeouts and read retries.</param>
    public OdooClient(HttpClient httpClient, OdooClientOptions options, IOdooApiKeyProvider keyProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keyProvider);
        _channel = new OdooRpcChannel(httpClient, options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory));
        _login = new OdooLogin(_channel, options, keyProvider, GetServerVersionAsync);
    }

    /// <summary>The server version, asked once (<c>common.version</c>, present on every version) and cached.</summary>
    public virtual Task<OdooServerVersion> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        var version = _version;
        if (version is null || version.IsFaulted || version.IsCanceled)
        {
            lock (_versionGate)
            {
                version = _version;
                if (version is null || version.IsFaulted || version.IsCanceled)
                {
                    // Shared by every waiter, so one caller's cancellation must not cancel it.
                    _version = version = Task.Run(DetectVersionAsync, CancellationToken.None);
                }
            }
        }

        return version.WaitAsync(cancellationToken);
    }

    /// <summary>Logs in (once; shared by every caller) and reports the uid, protocol and version.</summary>
    public virtual async Task<OdooConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var version = await GetServerVersionAsync(cancellationToken);
        var session = await _login.GetSessionAsync(cancellationToken);
        if (session.Protocol == OdooProtocol.JsonRpc)
        {
            return new OdooConnection(session.Uid, session.Protocol, version);
        }

        // JSON-2 has no login: an authenticated call tells who the key belongs to.
        var context = await _login.SendAsync(OdooCall.Action("res.users", "context_get", ids: null, arguments: null, retryable: true), cancellationToken);
        var uid = context is JsonObject o && o["uid"] is JsonValue v && v.TryGetValue<long>(out var id)
            ? id
            : throw Unexpected("res.users", "context_get", "an object with a uid", context);
        return new OdooConnection(uid, OdooProtocol.Json2, version);
    }

    public virtual async Task<IReadOnlyList<JsonObject>> SearchReadAsync(
        string model, OdooDomain domain, IReadOnlyCollection<string> fields,
        int? limit = null, int offset = 0, string? order = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.SearchRead,
            Model = model,
            Domain = domain,
            Fields = fields,
            Limit = limit,
            Offset = offset,
            Order = order,
        }, cancellationToken);
        return ToRecords(model, "search_read", result);
    }

    /// <summary>Reads records by id; ids that do not exist are simply absent (Odoo answers <c>[]</c> for them).</summary>
    public virtual async Task<IReadOnlyList<JsonObject>> ReadAsync(
        string model, IReadOnlyCollection<long> ids, IReadOnlyCollection<string> fields,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(fields);
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.Read,
            Model = model,
            Ids = ids,
            Fields = fields,
        }, cancellationToken);
        return ToRecords(model, "read", result);
    }

    public virtual async Task<long> SearchCountAsync(string model, OdooDomain domain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(domain);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.SearchCount,
            Model = model,
            Domain = domain,
        }, cancellationToken);
        return result is JsonValue value && value.TryGetValue<long>(out var count)
            ? count
            : throw Unexpected(model, "search_count", "a number", result);
    }

    /// <summary>Creates one record and returns its id. Never retried.</summary>
    public virtual async Task<long> CreateAsync(string model, JsonObject values, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(values);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.Create,
            Model = model,
            Values = values,
        }, cancellationToken);

        // JSON-RPC create of one dict answers the id; JSON-2 create of a vals_list answers [id].
        var idNode = result is JsonArray { Count: 1 } list ? list[0] : result;
        return idNode is JsonValue value && value.TryGetValue<long>(out var id)
            ? id
            : throw Unexpected(model, "create", "a record id", result);
    }

    /// <summary>Writes values on records. Never retried.</summary>
    public virtual async Task<bool> WriteAsync(string model, IReadOnlyCollection<long> ids, JsonObject values, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.Write,
            Model = model,
            Ids = ids,
            Values = values,
        }, cancellationToken);
        return ToBool(model, "write", result);
    }

    /// <summary>Deletes records. Never retried.</summary>
    public virtual async Task<bool> UnlinkAsync(string model, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(ids);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.Unlink,
            Model = model,
            Ids = ids,
        }, cancellationToken);
        return ToBool(model, "unlink", result);
    }

    /// <summary>Describes the model's fields (<c>type</c>, <c>string</c>, <c>readonly</c>, <c>required</c>, <c>selection</c>, <c>relation</c>).</summary>
    public virtual async Task<IReadOnlyDictionary<string, OdooField>> FieldsGetAsync(string model, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var result = await _login.SendAsync(new OdooCall
        {
            Operation = OdooOperation.FieldsGet,
            Model = model,
        }, cancellationToken);
        if (result is not JsonObject described)
        {
            throw Unexpected(model, "fields_get", "an object", result);
        }

        var fields = new Dictionary<string, OdooField>(described.Count, StringComparer.Ordinal);
        foreach (var (name, node) in described)
        {
            if (node is JsonObject attributes)
            {
                fields[name] = ToField(name, attributes);
            }
        }

        return fields;
    }

    /// <summary>
    /// Calls a method on records, such as <c>action_confirm</c> or <c>button_mark_done</c>, with optional named
    /// arguments. Returns the method's result; <c>null</c> when it returned None. Never retried.
    /// </summary>
    public virtual async Task<JsonNode?> CallAsync(
        string model, string method, IReadOnlyCollection<long> ids, JsonObject? arguments = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(ids);
        return await _login.SendAsync(OdooCall.Action(model, method, ids, arguments ?? EmptyArguments, retryable: false), cancellationToken);
    }

    private async Task<OdooServerVersion> DetectVersionAsync()
    {
        var call = new OdooCall { Operation = OdooOperation.Version, Model = "common" };
        var result = await _channel.SendAsync(call, OdooProtocol.JsonRpc, session: null, apiKey: null, CancellationToken.None);
        if (result is JsonObject info && info["server_version"] is JsonValue text && text.TryGetValue<string>(out var serverVersion))
        {
            try
            {
                return OdooServerVersion.Parse(serverVersion, info);
            }
            catch (FormatException ex)
            {
                throw new OdooUnexpectedResponseException($"Odoo common.version failed: '{serverVersion}' is not a version this client understands.", null, ex)
                {
                    Model = "common",
                    Method = "version",
                };
            }
        }

        throw Unexpected("common", "version", "an object with server_version", result);
    }

    private static List<JsonObject> ToRecords(string model, string method, JsonNode? result)
    {
        if (result is not JsonArray array)
        {
            throw Unexpected(model, method, "a list of records", result);
        }

        var records = new List<JsonObject>(array.Count);
        foreach (var item in array)
        {
            records.Add(item as JsonObject ?? throw Unexpected(model, method, "a list of records", result));
        }

        // Detach the records from the parsed list so callers can put them into their own JSON.
        array.Clear();
        return records;
    }

    private static bool ToBool(string model, string method, JsonNode? result) =>
        result is JsonValue value && value.TryGetValue<bool>(out var ok)
            ? ok
            : throw Unexpected(model, method, "true or false", result);

    private static OdooField ToField(string name, JsonObject attributes)
    {
        var selection = new List<KeyValuePair<string, string>>();
        if (attributes["selection"] is JsonArray options)
        {
            foreach (var option in options)
            {
                if (option is JsonArray { Count: >= 2 } pair)
                {
                    selection.Add(new(Text(pair[0]) ?? "", Text(pair[1]) ?? ""));
                }
            }
        }

        return new OdooField(
            name,
            Text(attributes["type"]) ?? "",
            Text(attributes["string"]) ?? name,
            Flag(attributes["readonly"]),
            Flag(attributes["required"]),
            Text(attributes["relation"]),
            selection);

        static string? Text(JsonNode? node) => node is JsonValue v
            ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
            : null;

        static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
    }

    private static OdooUnexpectedResponseException Unexpected(string model, string method, string expected, JsonNode? result) =>
        new($"Odoo {model}.{method} answered {Describe(result)} where {expected} was expected.") { Model = model, Method = method };

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray a => $"a list of {a.Count}",
        JsonObject => "an object",
        _ => $"the value {node.GetValueKind()}",
    };
}
