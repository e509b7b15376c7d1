using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// The release table: which row a server runs, and each row's differences held to what the real server of that
/// release answered (Recordings/ and WebhookRecordings/, copies of shared/odoo-recordings and shared/odoo-webhooks).
/// </summary>
public sealed class OdooReleaseTests
{
    private static readonly string[] RecordedVersions = ["16.0", "17.0", "18.0", "19.0"];

    public static TheoryData<string> Versions() => [.. RecordedVersions];

    private static JsonObject Recording(string version, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recordings", version, file)))!.AsObject();

    private static JsonNode? Answer(string version, string file) => Recording(version, file)["response"]!["body"];

    /// <summary>The JSON-RPC answer's Odoo error name (e.g. builtins.AttributeError), or null when it succeeded.</summary>
    private static string? ErrorName(string version, string file) => Answer(version, file)?["error"]?["data"]?["name"]?.GetValue<string>();

    /// <summary>The row of the recorded server, from what it reported as its version (01-jsonrpc-version).</summary>
    private static OdooRelease RowOf(string version) =>
        OdooServerVersion.Parse(Answer(version, "01-jsonrpc-version.json")!["result"]!["server_version"]!.GetValue<string>()).Release;

    [Theory]
    [InlineData("16.0-20240216", "16.0")]
    [InlineData("17.0-20240709", "17.0")]
    [InlineData("18.0-20250506", "18.0")]
    [InlineData("19.0", "19.0")]
    [InlineData("saas~17.2+e", "17.0")]
    [InlineData("saas~18.4+e", "18.0")]
    [InlineData("20.0+e", "19.0")]
    [InlineData("15.0", "16.0")]
    public void A_server_runs_the_row_of_the_newest_release_at_or_below_its_version(string serverVersion, string row) =>
        Assert.Equal(row, OdooServerVersion.Parse(serverVersion).Release.Name);

    [Fact]
    public void Every_recorded_release_has_its_own_row_in_release_order()
    {
        Assert.Equal(RecordedVersions, RecordedVersions.Select(v => RowOf(v).Name));
        Assert.Equal(OdooRelease.All.Select(r => r.Major).Order(), OdooRelease.All.Select(r => r.Major));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_start_action_is_the_one_the_recorded_server_has(string version)
    {
        var missing = ErrorName(version, "11-jsonrpc-d-action-start.json") == "builtins.AttributeError";
        Assert.Equal(missing ? null : "action_start", RowOf(version).StartAction);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Components_are_recorded_by_onchange_exactly_where_the_server_has_no_set_qty_producing(string version)
    {
        var missing = ErrorName(version, "11-jsonrpc-f-set-qty-producing.json") == "builtins.AttributeError";
        Assert.Equal(missing ? ProducingRoute.OnchangeRawMoves : ProducingRoute.SetQtyProducing, RowOf(version).RecordProducing);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_planned_start_field_is_the_servers_writable_scheduled_date(string version)
    {
        var fields = Answer(version, "14-jsonrpc-a-fields-get-mrp-production.json")!["result"]!.AsObject();
        var field = RowOf(version).PlannedStartField;
        Assert.False(fields[field]!["readonly"]!.GetValue<bool>());
        Assert.Equal("datetime", fields[field]!["type"]!.GetValue<string>());
        // Where date_planned_start exists (16.0), it is the plan; date_start there is when work began (read-only).
        Assert.Equal(ErrorName(version, "09-jsonrpc-search-read-mo-date-planned-start.json") is null ? "date_planned_start" : "date_start", field);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Storable_products_are_marked_the_way_the_server_marks_them(string version)
    {
        var fields = Answer(version, "14-jsonrpc-b-fields-get-product-product.json")!["result"]!.AsObject();
        Assert.Equal(fields.ContainsKey("is_storable") ? StorableProductMarker.IsStorableField : StorableProductMarker.ProductType, RowOf(version).StorableProducts);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Partner_mobile_is_asked_for_only_where_the_server_has_it(string version) =>
        Assert.Equal(ErrorName(version, "12-jsonrpc-b-search-read-partner-mobile.json") is null, RowOf(version).PartnerHasMobile);

    [Theory]
    [MemberData(nameof(Versions))]
    public void Json2_is_used_only_where_the_server_answered_it(string version)
    {
        var answered = Recording(version, "12-json2-a-search-read-partner-companies.json")["response"]!["status"]!.GetValue<int>() == 200;
        Assert.Equal(answered, RowOf(version).HasJson2);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Webhook_timing_is_what_the_recorded_receiver_saw_when_it_read_the_order_back(string version)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "WebhookRecordings", version);
        var verdicts = Directory.GetFiles(folder, "*-delivery*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!["receiver_read_back"]?["verdict"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        var expected = verdicts.Count == 0 ? WebhookTiming.None
            : verdicts.All(v => v.Contains("before commit", StringComparison.Ordinal)) ? WebhookTiming.BeforeCommit
            : verdicts.All(v => v.Contains("committed before the POST", StringComparison.Ordinal)) ? WebhookTiming.AfterCommit
            : throw new InvalidOperationException($"{version}: mixed webhook timings");
        Assert.Equal(expected, RowOf(version).Webhooks);
    }

    [Fact]
    public void The_16_0_server_offers_no_webhook_action_at_all()
    {
        var recording = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WebhookRecordings", "16.0", "01-a-fields-get-ir-actions-server-state.json")))!;
        var states = recording["response"]!["body"]!["result"]!["state"]!["selection"]!.AsArray().Select(pair => pair![0]!.GetValue<string>());
        Assert.DoesNotContain("webhook", states);
        Assert.Equal(WebhookTiming.None, RowOf("16.0").Webhooks);
    }

    [Fact]
    public void A_value_made_per_release_is_found_by_the_row()
    {
        var names = new PerRelease<string>(release => "row " + release.Name);

        Assert.Equal("row 18.0", names[OdooServerVersion.Parse("saas~18.2").Release]);
        Assert.Equal("row 16.0", names[OdooRelease.V16]);
    }
}
