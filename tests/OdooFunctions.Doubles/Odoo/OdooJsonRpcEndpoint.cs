using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>POST /jsonrpc: the "common" (version, authenticate, login) and "object" (execute_kw, execute) services.</summary>
internal sealed class OdooJsonRpcEndpoint(OdooDoubleServer server)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await server.Wire.NotFoundPage(context);
            return;
        }
        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null)
        {
            server.Calls.Record("jsonrpc", "", "");
            await OdooWire.Text(context, 400, "text/html; charset=utf-8", "Invalid JSON data");
            return;
        }
        var id = request["id"];
        var parameters = request["params"] as JsonObject ?? [];
        var service = parameters["service"]?.ToString() ?? "";
        var method = parameters["method"]?.ToString() ?? "";
        var args = parameters["args"] as JsonArray ?? [];
        var isObjectCall = service == "object" && method is "execute_kw" or "execute";
        var model = isObjectCall && args.Count > 3 ? args[3]?.ToString() ?? "" : "";
        var modelMethod = isObjectCall && args.Count > 4 ? args[4]?.ToString() ?? "" : "";
        server.Calls.Record("jsonrpc", model, isObjectCall ? modelMethod : $"{service}.{method}");
        var (answered, onCall) = await server.InjectFaultAsync(context, isObjectCall ? modelMethod : $"{service}.{method}");
        if (answered)
        {
            return;
        }
        try
        {
            var (result, none) = service switch
            {
                "common" => (server.RunCall(onCall, () => Common(method, args)), false),
                "object" when isObjectCall => await ObjectAsync(method, args, onCall),
                _ => throw new OdooServerError("builtins.KeyError", $"'{service}.{method}'"),
            };
            await OdooDoubleServer.AnswerAsync(context, onCall, () => OdooWire.JsonRpcResult(context, id, result, none));
        }
        catch (OdooServerError error)
        {
            server.LogFailure(error);
            await OdooDoubleServer.AnswerAsync(context, onCall, () => server.Wire.JsonRpcError(context, id, error));
        }
    }

    private JsonNode? Common(string method, JsonArray args)
    {
        switch (method)
        {
            case "version":
                return new JsonObject
                {
                    ["server_version"] = server.Version.ServerVersion,
                    ["server_version_info"] = server.Version.VersionInfo(),
                    ["server_serie"] = server.Version.Name,
                    ["protocol_version"] = 1,
                };
            case "authenticate" or "login":
                var expected = method == "authenticate" ? 4 : 3;
                if (args.Count != expected)
                {
                    throw OdooServerError.TypeError(args.Count < expected
                        ? $"exp_{method}() missing {expected - args.Count} required positional argument{(expected - args.Count == 1 ? "" : "s")}"
                        : $"exp_{method}() takes {expected} positional arguments but {args.Count} were given");
                }
                CheckDatabase(args[0]?.ToString());
                var user = args[2] is JsonValue key && key.GetValueKind() == JsonValueKind.String
                    ? server.Authenticate(args[1]?.ToString(), key.GetValue<string>())
                    : null;
                return user is null ? false : user.Uid;
            default:
                throw new OdooServerError("builtins.KeyError", $"'exp_{method}'");
        }
    }

    private async Task<(JsonNode? Result, bool None)> ObjectAsync(string method, JsonArray args, OdooFault? onCall)
    {
        if (server.Version.ExecuteKwUnpacksFirst && args.Count < 5)
        {
            // 19.0 unpacks (db, uid, key, model, method, *rest) before anything else.
            throw OdooServerError.ValueError($"not enough values to unpack (expected at least 5, got {args.Count})");
        }
        if (args.Count < 3)
        {
            throw OdooServerError.TypeError($"dispatch() missing arguments: expected db, uid and password, got {args.Count}");
        }
        CheckDatabase(args[0]?.ToString());
        var uid = args[1] is JsonValue u && u.GetValueKind() == JsonValueKind.Number ? u.AsLong() : -1;
        var user = args[2] is JsonValue key && key.GetValueKind() == JsonValueKind.String ? server.UserFor(uid, key.GetValue<string>()) : null;
        if (user is null)
        {
            throw new OdooServerError("odoo.exceptions.AccessDenied", "Access Denied");
        }
        var rest = args.Skip(3).ToList();
        if (method == "execute_kw" && rest.Count < 3)
        {
            string[] names = ["obj", "method", "args"];
            var missing = names.Skip(rest.Count).ToArray();
            var list = missing.Length switch
            {
                1 => $"'{missing[0]}'",
                2 => $"'{missing[0]}' and '{missing[1]}'",
                _ => $"'{missing[0]}', '{missing[1]}', and '{missing[2]}'",
            };
            throw OdooServerError.TypeError($"execute_kw() missing {missing.Length} required positional argument{(missing.Length == 1 ? "" : "s")}: {list}");
        }
        if (method == "execute" && rest.Count < 2)
        {
            throw OdooServerError.TypeError($"execute() missing {2 - rest.Count} required positional argument{(rest.Count == 1 ? "" : "s")}");
        }
        var modelName = rest[0]?.ToString() ?? "";
        var methodName = rest[1]?.ToString() ?? "";
        var positional = method == "execute_kw"
            ? rest[2] as JsonArray ?? throw OdooServerError.TypeError($"'{PythonType(rest[2])}' object is not iterable")
            : new JsonArray([.. rest.Skip(2).Select(n => n?.DeepClone())]);
        var kwargs = method == "execute_kw" && rest.Count > 3 && rest[3] is JsonObject kw ? kw : [];
        var result = await server.RunCallAsync(onCall, writes: !OdooOrm.ReadingMethods.Contains(methodName), () =>
        {
            var schema = server.Orm.Schema(modelName) ?? throw OdooServerError.UserError($"Object {modelName} doesn't exist");
            var bound = server.Orm.Method(schema, methodName, json2: false);
            return OdooOrm.ExecuteKw(user, schema, bound, (JsonArray)positional.DeepClone(), (JsonObject)kwargs.DeepClone(), onCall);
        });
        return (result, result is null);
    }

    private static string PythonType(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonObject => "dict",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "str",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "int",
        _ => "bool",
    };

    private void CheckDatabase(string? database)
    {
        if (database != server.Options.Database)
        {
            throw new OdooServerError("psycopg2.OperationalError",
                $"connection to server at \"127.0.0.1\", port {server.Version.DatabasePort} failed: FATAL:  database \"{database}\" does not exist\n");
        }
    }
}
