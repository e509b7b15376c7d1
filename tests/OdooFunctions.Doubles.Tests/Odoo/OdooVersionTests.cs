using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>The table of version facts: which versions the double speaks and what each one's row makes it answer.</summary>
public sealed class OdooVersionTests
{
    [Fact]
    public async Task A_version_the_double_does_not_speak_is_refused_naming_those_it_does()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "15.0" }));

        Assert.Contains("'15.0'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"16.0\", \"17.0\", \"18.0\", \"19.0\"", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16.0", "16.0-20240216", 8)]
    [InlineData("17.0", "17.0-20240709", 8)]
    [InlineData("18.0", "18.0-20250506", 8)]
    [InlineData("19.0", "19.0", 7)]
    public async Task Each_version_reports_its_recorded_server_version_and_logs_the_api_user_in_with_its_recorded_uid(string version, string serverVersion, long uid)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var answer = (await OdooRpc.CommonAsync(http, "version", []))["result"]!;
        var login = await OdooRpc.CommonAsync(http, "authenticate", new JsonArray(server.Options.Database, server.Options.Login, server.Options.ApiKey, new JsonObject()));

        Assert.Equal((serverVersion, version), (answer["server_version"]!.GetValue<string>(), answer["server_serie"]!.GetValue<string>()));
        Assert.Equal($"[{version[..2]},0,0,\"final\",0,\"\"]", answer["server_version_info"]!.ToJsonString());
        Assert.Equal(uid, login["result"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("16.0", false, false)]
    [InlineData("17.0", true, false)]
    [InlineData("18.0", true, true)]
    [InlineData("19.0", true, true)]
    public async Task The_production_methods_a_version_has_are_its_row_s(string version, bool setQtyProducing, bool actionStart)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var order = server.Store.AddManufacturingOrder(server.FinishedProductId, 5, "confirmed");

        async Task<bool> Exists(string method) =>
            (await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, server.Version.ApiUid, "mrp.production", method, new JsonArray(new JsonArray(order))))["error"]?["data"]?["name"]?.GetValue<string>() != "builtins.AttributeError";

        Assert.Equal((setQtyProducing, actionStart), (await Exists("set_qty_producing"), await Exists("action_start")));
    }
}
