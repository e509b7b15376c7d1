using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// One JSON-RPC call recorded with the webhook rule on (WebhookRecordings/&lt;version&gt;/&lt;NN&gt;-&lt;slug&gt;.json, a copy of
/// /work/shared/odoo-webhooks): the request, Odoo's answer and the recorder's notes (names_before, ...).
/// </summary>
internal sealed class OdooWebhookRecording
{
    private OdooWebhookRecording(string version, string fileName, JsonObject content)
    {
        Version = version;
        FileName = fileName;
        Content = content;
    }

    public string Version { get; }

    public string FileName { get; }

    public JsonObject Content { get; }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "WebhookRecordings");

    /// <summary>The database the recorded calls name (17.0 and 19.0: odoo_test; 18.0: odoo18).</summary>
    public static string Database(string version) => Load(version, "02-a-authenticate-admin.json").Args[0]!.GetValue<string>();

    /// <summary>The versions with a webhook action and recorded deliveries (16.0 has none: its one file is a fields_get).</summary>
    public static IReadOnlyList<string> Versions { get; } = ["17.0", "18.0", "19.0"];

    public JsonObject Body => Content["request"]!["body"]!.AsObject();

    /// <summary>execute_kw's arguments: db, uid, password, model, method, args, kwargs.</summary>
    public JsonArray Args => Body["params"]!["args"]!.AsArray();

    /// <summary>The model of an object call ("" for the common service's version and authenticate).</summary>
    public string Model => Args.Count > 4 ? Args[3]!.GetValue<string>() : "";

    public string Method => Args.Count > 4 ? Args[4]!.GetValue<string>() : "";

    public JsonObject Response => Content["response"]!["body"]!.AsObject();

    /// <summary>The JSON-RPC id; the calls of 19.0's second run (05-h, 05-i, 10-f4, 10-j) start at 1001.</summary>
    public long RpcId => Body["id"]!.GetValue<long>();

    public static OdooWebhookRecording Load(string version, string fileName) =>
        new(version, fileName, JsonNode.Parse(File.ReadAllText(Path.Combine(Root, version, fileName)))!.AsObject());

    /// <summary>The RPC files of a group (no delivery files), in the order they ran on the server.</summary>
    public static IReadOnlyList<OdooWebhookRecording> Group(string version, string group) =>
        [.. Directory.GetFiles(Path.Combine(Root, version), $"{group}-*.json")
            .Select(Path.GetFileName)
            .Where(name => !name!.Contains("-delivery", StringComparison.Ordinal))
            .Select(name => Load(version, name!))
            .OrderBy(r => r.RpcId >= 1001)
            .ThenBy(r => r.FileName, StringComparer.Ordinal)];

    public override string ToString() => $"{Version}/{FileName}";
}
