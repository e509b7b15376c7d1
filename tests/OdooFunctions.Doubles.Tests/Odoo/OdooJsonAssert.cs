using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>How the contract tests compare the double's JSON with a recorded one.</summary>
internal static partial class OdooJsonAssert
{
    // Stamps the server sets to "now" (date_start: the planned start of an order created without one); the recordings
    // hold the recording day's values, so only their format is compared.
    private static readonly HashSet<string> VolatileTimestamps = ["write_date", "create_date", "date_finished", "date_start"];

    /// <summary>
    /// Same keys in the same order (17.0 and 19.0 order error data differently), same values; a traceback ("debug")
    /// only has to be there, and volatile timestamps only have to have Odoo's format.
    /// </summary>
    public static void Same(JsonNode? expected, JsonNode? actual, string path)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                Assert.True(expectedObject.Select(p => p.Key).SequenceEqual(actualObject.Select(p => p.Key)),
                    $"{path}: keys [{string.Join(", ", expectedObject.Select(p => p.Key))}] expected, got [{string.Join(", ", actualObject.Select(p => p.Key))}]");
                foreach (var (name, value) in expectedObject)
                {
                    Same(value, actualObject[name], $"{path}.{name}");
                }
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: {expectedArray.Count} items expected, got {actualArray.Count}: {actualArray.ToJsonString()}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Same(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }
                break;
            default:
                var expectedValue = (JsonValue)expected;
                Assert.True(actual is JsonValue, $"{path}: a {expectedValue.GetValueKind()} expected, got {actual?.ToJsonString()}");
                var actualValue = (JsonValue)actual!;
                Assert.True(expectedValue.GetValueKind() == actualValue.GetValueKind(), $"{path}: {expectedValue.ToJsonString()} expected, got {actualValue.ToJsonString()}");
                if (key == "debug")
                {
                    // Tracebacks are the server's own; only their presence is part of the contract.
                    Assert.False(string.IsNullOrEmpty(actualValue.GetValue<string>()));
                }
                else if (VolatileTimestamps.Contains(key.Split('[')[0]) && expectedValue.GetValueKind() == JsonValueKind.String)
                {
                    Assert.Matches(OdooDateTime(), actualValue.GetValue<string>());
                }
                else
                {
                    Assert.True(expectedValue.ToJsonString() == actualValue.ToJsonString(), $"{path}: {expectedValue.ToJsonString()} expected, got {actualValue.ToJsonString()}");
                }
                break;
        }
    }

    [GeneratedRegex("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$")]
    private static partial Regex OdooDateTime();
}
