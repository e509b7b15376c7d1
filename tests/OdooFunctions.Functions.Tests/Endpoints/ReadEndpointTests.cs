using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>The guide's read endpoints keep the guide's contract whatever Odoo version answers.</summary>
public abstract class ReadEndpointTests(OdooAppFixture fixture)
{
    private static readonly string[] ProductFields = ["id", "name", "default_code", "barcode", "list_price", "standard_price", "type", "categ_id", "uom_id", "qty_available", "virtual_available", "description", "active"];
    private static readonly string[] OrderFields = ["id", "name", "product_id", "product_qty", "product_uom_id", "state", "date_planned_start", "date_deadline", "priority", "user_id", "company_id", "origin", "qty_produced", "qty_producing"];
    private static readonly string[] PartnerFields = ["id", "name", "email", "phone", "mobile", "street", "city", "zip", "country_id", "is_company", "vat", "ref"];
    private static readonly string[] StockFields = ["id", "product_id", "location_id", "quantity", "reserved_quantity", "available_quantity", "lot_id", "package_id"];

    private async Task<JsonObject> GetOkAsync(string path)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path);
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.True(body["success"]!.GetValue<bool>());
        return body;
    }

    private static JsonArray ListOf(JsonObject body, string[] fields)
    {
        var data = body["data"]!.AsArray();
        Assert.Equal(data.Count, body["count"]!.GetValue<int>());
        foreach (var record in data)
        {
            Assert.Equal(fields, record!.AsObject().Select(p => p.Key));
        }

        return data;
    }

    [Fact]
    public async Task Products_list_has_the_guide_fields_and_reads_storable_products_as_type_product()
    {
        var data = ListOf(await GetOkAsync("api/odoo/products?limit=1000"), ProductFields);
        var storable = data.Single(p => p!["id"]!.GetValue<long>() == fixture.FinishedProductId());
        Assert.Equal("product", storable!["type"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, storable["uom_id"]!.GetValueKind());
    }

    [Fact]
    public async Task Products_list_honours_limit_and_offset()
    {
        var first = ListOf(await GetOkAsync("api/odoo/products?limit=2&offset=0"), ProductFields);
        var second = ListOf(await GetOkAsync("api/odoo/products?limit=2&offset=1"), ProductFields);
        Assert.Equal(2, first.Count);
        Assert.Equal(first[1]!["id"]!.GetValue<long>(), second[0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Single_product_is_an_object_and_a_missing_one_is_404()
    {
        var list = await GetOkAsync("api/odoo/products?limit=1");
        var id = list["data"]![0]!["id"]!.GetValue<long>();
        var one = await GetOkAsync($"api/odoo/products/{id}");
        Assert.Equal(id, one["data"]!["id"]!.GetValue<long>());
        Assert.Equal(ProductFields, one["data"]!.AsObject().Select(p => p.Key));

        using var missing = await fixture.SendAsync(HttpMethod.Get, "api/odoo/products/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await BodyAsync(missing);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal("NOT_FOUND", body["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Manufacturing_orders_filter_by_state_and_expose_date_planned_start()
    {
        var data = ListOf(await GetOkAsync("api/odoo/manufacturing-orders?state=confirmed"), OrderFields);
        Assert.NotEmpty(data);
        Assert.All(data, order => Assert.Equal("confirmed", order!["state"]!.GetValue<string>()));
        Assert.All(data, order => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", order!["date_planned_start"]!.GetValue<string>()));

        // The plan, from the field this version keeps it in (16.0: date_planned_start; its date_start is when work began).
        Assert.All(data, order => Assert.Equal(
            fixture.Odoo.Store.Get("mrp.production", order!["id"]!.GetValue<long>())![fixture.Odoo.Version.PlannedStartField]!.GetValue<string>(),
            order["date_planned_start"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Single_manufacturing_order_is_an_object_with_the_guide_fields()
    {
        var id = fixture.Odoo.Store.AddManufacturingOrder(fixture.FinishedProductId(), 4, "confirmed");
        var body = await GetOkAsync($"api/odoo/manufacturing-orders/{id}");
        Assert.Equal(OrderFields, body["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("confirmed", body["data"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Partners_filter_on_is_company_and_mobile_reads_false_where_odoo_lacks_it()
    {
        var data = ListOf(await GetOkAsync("api/odoo/partners?is_company=true&limit=1000"), PartnerFields);
        Assert.NotEmpty(data);
        Assert.All(data, partner => Assert.True(partner!["is_company"]!.GetValue<bool>()));
        Assert.Contains(data, partner => partner!["ref"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && partner["ref"]!.GetValue<string>() == "CUST-0001");
        if (!fixture.Odoo.Version.HasPartnerMobile)
        {
            Assert.All(data, partner => Assert.False(partner!["mobile"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public async Task Stock_filters_by_product_and_location()
    {
        var all = ListOf(await GetOkAsync("api/odoo/stock"), StockFields);
        Assert.NotEmpty(all);
        var productId = all[0]!["product_id"]![0]!.GetValue<long>();
        var locationId = all[0]!["location_id"]![0]!.GetValue<long>();
        var filtered = ListOf(await GetOkAsync($"api/odoo/stock?product_id={productId}&location_id={locationId}"), StockFields);
        Assert.NotEmpty(filtered);
        Assert.All(filtered, quant =>
        {
            Assert.Equal(productId, quant!["product_id"]![0]!.GetValue<long>());
            Assert.Equal(locationId, quant["location_id"]![0]!.GetValue<long>());
        });
    }

    [Fact]
    public async Task Test_endpoint_reports_the_uid_protocol_and_version()
    {
        var body = await GetOkAsync("api/odoo/test");
        Assert.Equal("Successfully connected to Odoo", body["message"]!.GetValue<string>());
        Assert.True(body["data"]!["connected"]!.GetValue<bool>());
        Assert.Equal(fixture.Odoo.Version.ApiUid, body["data"]!["uid"]!.GetValue<long>());
        Assert.Equal(fixture.Odoo.Version.HasJson2 ? "json2" : "jsonrpc", body["data"]!["protocol"]!.GetValue<string>());
        Assert.Equal(fixture.Odoo.Version.ServerVersion, body["data"]!["server_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Version_endpoint_answers_the_guide_shape()
    {
        var data = (await GetOkAsync("api/odoo/version"))["data"]!.AsObject();
        Assert.Equal(["server_version", "server_version_info", "server_serie", "protocol_version"], data.Select(p => p.Key));
        Assert.StartsWith(fixture.OdooVersion, data["server_version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(int.Parse(fixture.OdooVersion.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture), data["server_version_info"]![0]!.GetValue<int>());
    }

    [Theory]
    [InlineData("api/odoo/products?limit=0", "limit")]
    [InlineData("api/odoo/products?limit=1001", "limit")]
    [InlineData("api/odoo/products?limit=ten", "limit")]
    [InlineData("api/odoo/products?offset=-1", "offset")]
    [InlineData("api/odoo/products/abc", "id")]
    [InlineData("api/odoo/products/0", "id")]
    [InlineData("api/odoo/products/-4", "id")]
    [InlineData("api/odoo/manufacturing-orders?state=running", "state")]
    [InlineData("api/odoo/manufacturing-orders/1.5", "id")]
    [InlineData("api/odoo/partners?is_company=maybe", "is_company")]
    [InlineData("api/odoo/stock?product_id=abc", "product_id")]
    [InlineData("api/odoo/stock?location_id=0", "location_id")]
    public async Task Bad_query_input_is_a_400_that_names_the_field_and_reaches_no_Odoo(string path, string field)
    {
        var before = fixture.Odoo.Calls.Total;
        using var response = await fixture.SendAsync(HttpMethod.Get, path);
        var body = await BodyAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains($"'{field}'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Odoo.Calls.Total);
    }

    [Theory]
    [InlineData("api/odoo/manufacturing-orders?limit=5")]
    [InlineData("api/odoo/manufacturing-orders?limit=abc")]
    public async Task Answers_carry_their_length_instead_of_being_chunked(string path)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
    }
}

public sealed class ReadEndpointsOnOdoo19(Odoo19AppFixture fixture) : ReadEndpointTests(fixture), IClassFixture<Odoo19AppFixture>;

public sealed class ReadEndpointsOnOdoo18(Odoo18AppFixture fixture) : ReadEndpointTests(fixture), IClassFixture<Odoo18AppFixture>;

public sealed class ReadEndpointsOnOdoo17(Odoo17AppFixture fixture) : ReadEndpointTests(fixture), IClassFixture<Odoo17AppFixture>;

public sealed class ReadEndpointsOnOdoo16(Odoo16AppFixture fixture) : ReadEndpointTests(fixture), IClassFixture<Odoo16AppFixture>;
