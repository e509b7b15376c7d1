using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Tests;

/// <summary>Every call of the client, against the double as 19.0 (JSON-2 and JSON-RPC) and as 17.0 (JSON-RPC).</summary>
public sealed class OdooClientCallTests
{
    private static readonly string[] ProductFields = ["name", "default_code", "list_price", "standard_price", "categ_id", "uom_id", "description", "active"];
    private static readonly string[] MoFields = ["name", "product_id", "product_qty", "state", "origin"];

    public static TheoryData<string, OdooProtocol> Servers => new()
    {
        { "19.0", OdooProtocol.Json2 },
        { "19.0", OdooProtocol.JsonRpc },
        { "17.0", OdooProtocol.JsonRpc },
    };

    private static readonly OdooDomain ManufacturedProducts = OdooDomain.Where("default_code", "=like", "MFG-%");

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task SearchRead_returns_matching_records_honouring_limit_offset_and_order(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var firstPage = await odoo.Client.SearchReadAsync("product.product", ManufacturedProducts, ProductFields, limit: 3, order: "id");
        var shifted = await odoo.Client.SearchReadAsync("product.product", ManufacturedProducts, ProductFields, limit: 2, offset: 1, order: "id");

        Assert.Equal(3, firstPage.Count);
        Assert.All(firstPage, p => Assert.StartsWith("MFG-", p["default_code"]!.GetValue<string>(), StringComparison.Ordinal));
        var ids = firstPage.Select(p => p["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
        Assert.Equal(ids.Skip(1), shifted.Select(p => p["id"]!.GetValue<long>()));
        // many2one comes back as [id, "name"]
        Assert.All(firstPage, p => Assert.True(OdooValues.Many2OneId(p["categ_id"]) > 0));
        Assert.Equal(2, odoo.Server.Calls.Count("product.product", "search_read"));
        Assert.All(odoo.Server.Calls.Snapshot().Where(c => c.Method == "search_read"),
            c => Assert.Equal(protocol == OdooProtocol.Json2 ? "json2" : "jsonrpc", c.Protocol));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Read_returns_the_record_and_nothing_for_an_id_that_does_not_exist(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var product = (await odoo.Client.SearchReadAsync("product.product", ManufacturedProducts, ["name"], limit: 1, order: "id")).Single();
        var id = product["id"]!.GetValue<long>();

        var read = await odoo.Client.ReadAsync("product.product", [id], ProductFields);
        var missing = await odoo.Client.ReadAsync("product.product", [999999], ProductFields);

        Assert.Equal(id, Assert.Single(read)["id"]!.GetValue<long>());
        Assert.Equal(product["name"]!.GetValue<string>(), read[0]["name"]!.GetValue<string>());
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task SearchCount_counts_what_search_read_finds(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var count = await odoo.Client.SearchCountAsync("product.product", ManufacturedProducts);
        var records = await odoo.Client.SearchReadAsync("product.product", ManufacturedProducts, ["id"]);
        var all = await odoo.Client.SearchCountAsync("product.product", OdooDomain.All);

        Assert.True(count > 0);
        Assert.Equal(records.Count, count);
        Assert.True(all >= count);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Create_write_and_confirm_change_the_manufacturing_order(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var productId = (await odoo.Client.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=like", "MFG-FG-%"), ["id"], limit: 1, order: "id"))
            .Single()["id"]!.GetValue<long>();

        var moId = await odoo.Client.CreateAsync("mrp.production", new JsonObject
        {
            ["product_id"] = productId,
            ["product_qty"] = 7,
            ["date_start"] = OdooValues.FormatDateTime(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)),
            ["origin"] = "Dashboard Order #T-1",
        });
        var created = Assert.Single(await odoo.Client.ReadAsync("mrp.production", [moId], MoFields));
        var written = await odoo.Client.WriteAsync("mrp.production", [moId], new JsonObject { ["product_qty"] = 9 });
        var confirmed = await odoo.Client.CallAsync("mrp.production", "action_confirm", [moId]);
        var after = Assert.Single(await odoo.Client.ReadAsync("mrp.production", [moId], MoFields));

        Assert.Equal("draft", created["state"]!.GetValue<string>());
        Assert.Equal("Dashboard Order #T-1", created["origin"]!.GetValue<string>());
        Assert.Equal(productId, OdooValues.Many2OneId(created["product_id"]));
        Assert.True(written);
        Assert.True(confirmed!.GetValue<bool>());
        Assert.Equal(9, after["product_qty"]!.GetValue<double>());
        Assert.Equal("confirmed", after["state"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Unlink_deletes_the_record(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var partnerId = await odoo.Client.CreateAsync("res.partner", new JsonObject { ["name"] = "Short-lived Ltd", ["is_company"] = true });

        var deleted = await odoo.Client.UnlinkAsync("res.partner", [partnerId]);
        var read = await odoo.Client.ReadAsync("res.partner", [partnerId], ["name"]);

        Assert.True(deleted);
        Assert.Empty(read);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task An_action_that_returns_None_is_a_success_with_null(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var mo = (await odoo.Client.SearchReadAsync("mrp.production", OdooDomain.Where("state", "=", "confirmed"), ["id", "product_qty"], limit: 1, order: "id")).Single();
        var moId = mo["id"]!.GetValue<long>();
        await odoo.Client.WriteAsync("mrp.production", [moId], new JsonObject { ["qty_producing"] = 1 });

        var result = await odoo.Client.CallAsync("mrp.production", "set_qty_producing", [moId]);

        Assert.Null(result);
        Assert.Equal(1, odoo.Server.Calls.Count("mrp.production", "set_qty_producing"));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task FieldsGet_describes_types_labels_relations_and_selections(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var fields = await odoo.Client.FieldsGetAsync("mrp.production");

        var state = fields["state"];
        Assert.Equal("selection", state.Type);
        Assert.Contains(new KeyValuePair<string, string>("confirmed", "Confirmed"), state.Selection);
        Assert.Contains(state.Selection, s => s.Key == "cancel");
        var product = fields["product_id"];
        Assert.Equal("many2one", product.Type);
        Assert.Equal("product.product", product.Relation);
        Assert.True(product.Required);
        Assert.False(fields.ContainsKey("date_planned_start"));
    }

    [Theory]
    [InlineData("19.0", "\"standard_price\":14.2,")]
    [InlineData("17.0", "\"standard_price\":14.200000000000001,")]
    public async Task Values_come_back_exactly_as_Odoo_sent_them(string version, string expectedPrice)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);

        var bracket = (await odoo.Client.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=", "MFG-FG-1002"),
            ["default_code", "list_price", "standard_price", "description"])).Single();
        var pump = (await odoo.Client.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=", "MFG-FG-1001"),
            ["list_price"])).Single();

        Assert.Contains(expectedPrice, bracket.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.False, bracket["description"]!.GetValueKind());
        Assert.True(OdooValues.IsEmpty(bracket["description"]));
        Assert.Contains("\"list_price\":489.0", pump.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_can_be_moved_into_the_callers_own_json()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0");
        var records = await odoo.Client.SearchReadAsync("product.product", ManufacturedProducts, ["name"], limit: 2);

        var mine = new JsonArray();
        foreach (var record in records)
        {
            mine.Add(record);
        }

        Assert.Equal(2, mine.Count);
    }
}
