using System.Text.Json;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// What a call does, as one row: Odoo's method name, whether it may be retried, and its arguments in each protocol's
/// form. JSON-RPC passes arguments to <c>execute_kw</c> by position (<see cref="WriteArgs"/>) and by name
/// (<see cref="WriteKwargs"/>); JSON-2 takes the same values by name (<see cref="WriteJson2"/>). The protocols
/// (<see cref="OdooJsonRpcProtocol"/>, <see cref="OdooJson2Protocol"/>) know no operation: adding one is a row here
/// and a method on <see cref="OdooClient"/>.
/// </summary>
internal sealed class OdooOperation
{
    /// <summary>Writes arguments of a call; <paramref name="database"/> and <paramref name="apiKey"/> only matter to <c>common.authenticate</c>.</summary>
    public delegate void Writer(Utf8JsonWriter writer, OdooCall call, string database, string? apiKey);

    private static readonly Writer None = static (_, _, _, _) => { };

    /// <summary><c>common.version</c>: no login, and on every version, so it always goes over JSON-RPC.</summary>
    public static readonly OdooOperation Version = new(nameof(Version), "version", retryable: true, service: "common",
        args: None, kwargs: None, json2: null);

    /// <summary><c>common.authenticate(db, login, key, {})</c>: JSON-RPC only; JSON-2 has no login.</summary>
    public static readonly OdooOperation Authenticate = new(nameof(Authenticate), "authenticate", retryable: true, service: "common",
        args: static (w, c, database, apiKey) =>
        {
            w.WriteStringValue(database);
            w.WriteStringValue(c.Login);
            w.WriteStringValue(apiKey);
            w.WriteStartObject();
            w.WriteEndObject();
        },
        kwargs: None, json2: null);

    public static readonly OdooOperation SearchRead = new(nameof(SearchRead), "search_read", retryable: true,
        args: static (w, c, _, _) => OdooJsonArguments.WriteDomainValue(w, c.Domain),
        kwargs: static (w, c, _, _) => OdooJsonArguments.WriteFieldsAndPaging(w, c),
        json2: static (w, c, _, _) =>
        {
            OdooJsonArguments.WriteDomain(w, c.Domain);
            OdooJsonArguments.WriteFieldsAndPaging(w, c);
        });

    public static readonly OdooOperation Read = new(nameof(Read), "read", retryable: true,
        args: static (w, c, _, _) => OdooJsonArguments.WriteIdsValue(w, c.Ids),
        kwargs: static (w, c, _, _) => OdooJsonArguments.WriteFields(w, c.Fields),
        json2: static (w, c, _, _) =>
        {
            OdooJsonArguments.WriteIds(w, c.Ids);
            OdooJsonArguments.WriteFields(w, c.Fields);
        });

    public static readonly OdooOperation SearchCount = new(nameof(SearchCount), "search_count", retryable: true,
        args: static (w, c, _, _) => OdooJsonArguments.WriteDomainValue(w, c.Domain),
        kwargs: None,
        json2: static (w, c, _, _) => OdooJsonArguments.WriteDomain(w, c.Domain));

    public static readonly OdooOperation FieldsGet = new(nameof(FieldsGet), "fields_get", retryable: true,
        args: None,
        kwargs: static (w, _, _, _) => OdooJsonArguments.WriteAttributes(w),
        json2: static (w, _, _, _) => OdooJsonArguments.WriteAttributes(w));

    /// <summary>JSON-RPC creates from one dict (and answers the id); JSON-2 from a <c>vals_list</c> (and answers <c>[id]</c>).</summary>
    public static readonly OdooOperation Create = new(nameof(Create), "create", retryable: false,
        args: static (w, c, _, _) => OdooJsonArguments.WriteNode(w, c.Values),
        kwargs: None,
        json2: static (w, c, _, _) =>
        {
            w.WriteStartArray("vals_list"u8);
            OdooJsonArguments.WriteNode(w, c.Values);
            w.WriteEndArray();
        });

    public static readonly OdooOperation Write = new(nameof(Write), "write", retryable: false,
        args: static (w, c, _, _) =>
        {
            OdooJsonArguments.WriteIdsValue(w, c.Ids);
            OdooJsonArguments.WriteNode(w, c.Values);
        },
        kwargs: None,
        json2: static (w, c, _, _) =>
        {
            OdooJsonArguments.WriteIds(w, c.Ids);
            w.WritePropertyName("vals"u8);
            OdooJsonArguments.WriteNode(w, c.Values);
        });

    public static readonly OdooOperation Unlink = new(nameof(Unlink), "unlink", retryable: false,
        args: static (w, c, _, _) => OdooJsonArguments.WriteIdsValue(w, c.Ids),
        kwargs: None,
        json2: static (w, c, _, _) => OdooJsonArguments.WriteIds(w, c.Ids));

    /// <summary>A method on records (or on the model, without ids), with named arguments; its name comes with the call.</summary>
    public static readonly OdooOperation Call = new(nameof(Call), method: null, retryable: false,
        args: static (w, c, _, _) =>
        {
            if (c.Ids is not null)
            {
                OdooJsonArguments.WriteIdsValue(w, c.Ids);
            }
        },
        kwargs: static (w, c, _, _) => OdooJsonArguments.WriteNamedArguments(w, c.Arguments),
        json2: static (w, c, _, _) =>
        {
            if (c.Ids is not null)
            {
                OdooJsonArguments.WriteIds(w, c.Ids);
            }

            OdooJsonArguments.WriteNamedArguments(w, c.Arguments);
        });

    private readonly string _name;

    private OdooOperation(string name, string? method, bool retryable, Writer args, Writer kwargs, Writer? json2, string service = "object")
    {
        _name = name;
        Method = method;
        Retryable = retryable;
        Service = service;
        WriteArgs = args;
        WriteKwargs = kwargs;
        WriteJson2 = json2;
    }

    /// <summary>Odoo's method name; null for <see cref="Call"/>, whose call names it.</summary>
    public string? Method { get; }

    /// <summary>Reads are safe to send twice; only they are retried on transient failures.</summary>
    public bool Retryable { get; }

    /// <summary>The JSON-RPC service: <c>object</c> (<c>execute_kw</c>) or <c>common</c> (version and login).</summary>
    public string Service { get; }

    /// <summary>The <c>common</c> service takes its own arguments and no login; <c>object</c> calls go through <c>execute_kw</c>.</summary>
    public bool IsCommonService => Service == "common";

    /// <summary>JSON-RPC: the positional arguments (inside <c>args</c>; after db, uid, key, model, method for <c>execute_kw</c>).</summary>
    public Writer WriteArgs { get; }

    /// <summary>JSON-RPC <c>execute_kw</c>: the named arguments (inside <c>kwargs</c>).</summary>
    public Writer WriteKwargs { get; }

    /// <summary>JSON-2: every argument by name (inside the body object); null when the operation has no JSON-2 form.</summary>
    public Writer? WriteJson2 { get; }

    public override string ToString() => _name;
}
