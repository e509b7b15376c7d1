using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>POST /json/2/&lt;model&gt;/&lt;method&gt; (Odoo 19+): bearer key, named arguments, bare results, real status codes.</summary>
internal sealed class OdooJson2Endpoint(OdooDoubleServer server)
{
    public async Task HandleAsync(HttpContext context, string route)
    {
        var slash = route.LastIndexOf('/');
        var model = slash > 0 ? route[..slash] : route;
        var method = slash > 0 ? route[(slash + 1)..] : "";
        server.Calls.Record("json2", model, method);
        var (answered, onCall) = await server.InjectFaultAsync(context, method);
        if (answered)
        {
            return;
        }
        if (!server.Version.HasJson2)
        {
            await OdooDoubleServer.AnswerAsync(context, onCall, () => server.Wire.WithoutJson2(context));
            return;
        }
        var database = context.Request.Headers["X-Odoo-Database"].ToString();
        if (database.Length > 0 && database != server.Options.Database)
        {
            await OdooDoubleServer.AnswerAsync(context, onCall, () => OdooWire.NoDatabase(context));
            return;
        }
        try
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                throw OdooServerError.Werkzeug("NotFound", "Did you mean POST /json/2/<model>/<method>?", 404);
            }
            var user = Authenticate(context.Request.Headers.Authorization.ToString());
            var body = await ReadBodyAsync(context);
            var result = await server.RunCallAsync(onCall, writes: !OdooOrm.ReadingMethods.Contains(method), () =>
            {
                var schema = server.Orm.Schema(model) ?? throw OdooServerError.Werkzeug("NotFound", $"the model '{model}' does not exist", 404);
                var bound = server.Orm.Method(schema, method, json2: true);
                return OdooOrm.ExecuteNamed(user, schema, bound, body, onCall);
            });
            await OdooDoubleServer.AnswerAsync(context, onCall, () => OdooWire.Json(context, 200, result));
        }
        catch (OdooServerError error)
        {
            server.LogFailure(error);
            await OdooDoubleServer.AnswerAsync(context, onCall, () => server.Wire.Json2Error(context, error));
        }
    }

    /// <summary>The user the bearer key belongs to (the API user's key, or the administrator's).</summary>
    private OdooUser Authenticate(string authorization)
    {
        const string scheme = "bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw OdooServerError.Werkzeug("Unauthorized", "User not authenticated, use an API Key with a Bearer Authorization header.", 401);
        }
        return server.UserFor(null, authorization[scheme.Length..].Trim())
            ?? throw OdooServerError.Werkzeug("Unauthorized", "Invalid apikey", 401);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            throw OdooServerError.Werkzeug("BadRequest", $"could not parse the body as json: {PythonJsonError(text, error)}", 400);
        }
        return parsed as JsonObject
            ?? throw OdooServerError.Werkzeug("BadRequest", "could not parse the body as json: the body must be a JSON object", 400);
    }

    // Python's json module words its errors "Expecting value: line 1 column 13 (char 12)".
    private static string PythonJsonError(string text, JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0);
        var column = (int)(error.BytePositionInLine ?? 0);
        var lines = text.Split('\n');
        var offset = lines.Take(line).Sum(l => l.Length + 1) + column;
        offset = Math.Min(offset, text.Length);
        var what = offset >= text.TrimEnd().Length ? "Expecting value" : "Expecting property name enclosed in double quotes";
        return $"{what}: line {line + 1} column {column + 1} (char {offset})";
    }
}
