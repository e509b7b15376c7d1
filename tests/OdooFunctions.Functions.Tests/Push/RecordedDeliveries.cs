using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>The webhook deliveries recorded from real Odoo servers (the repository's copy of shared/odoo-webhooks).</summary>
internal sealed record RecordedDeliveries(string File, string RawBody, JsonObject Body)
{
    public static IReadOnlyList<RecordedDeliveries> Load(string version)
    {
        var folder = RepositoryRoot.Combine("tests", "OdooFunctions.Doubles.Tests", "WebhookRecordings", version);
        return [.. Directory.GetFiles(folder, "*-delivery*.json").Order(StringComparer.Ordinal).Select(path =>
        {
            var request = JsonNode.Parse(System.IO.File.ReadAllText(path))!["request"]!;
            var raw = request["raw_body"]!.GetValue<string>();
            return new RecordedDeliveries(Path.GetFileName(path), raw, JsonNode.Parse(raw)!.AsObject());
        })];
    }
}
