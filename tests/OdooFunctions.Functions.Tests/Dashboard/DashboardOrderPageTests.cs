using System.Text.Json;
using OdooFunctions.Functions.Dashboard;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>A page of GET /orders read through its typed records, in every shape the client accepts.</summary>
public sealed class DashboardOrderPageTests
{
    private static readonly Uri Origin = new("https://dashboard.test/api/");
    private static readonly Uri Current = new("https://dashboard.test/api/orders?has_odoo_mo=true&page=1");

    private static (List<DashboardOrder> Orders, Uri? Next) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var page = document.RootElement.Deserialize(DashboardJsonContext.Default.DashboardOrderPage)!;
        var orders = new List<DashboardOrder>();
        var next = DashboardOrdersClient.ReadPage(page, Current, orders, Origin);
        return (orders, next);
    }

    private static string Refusal(string json) => Assert.Throws<DashboardUnexpectedResponseException>(() => Read(json)).Message;

    [Fact]
    public void A_bare_array_is_the_only_page()
    {
        var (orders, next) = Read("""[{"_id": "a1", "odoo_mo_id": 7, "status": "pending", "qty_produced": 2}]""");

        Assert.Equal([new DashboardOrder("a1", 7, "pending", 2)], orders);
        Assert.Null(next);
    }

    [Fact]
    public void An_envelope_without_pagination_is_the_last_page()
    {
        var (orders, next) = Read("""{"success": true, "data": [{"_id": "a1", "odoo_mo_id": 7}], "count": 1}""");

        Assert.Equal([new DashboardOrder("a1", 7, null, 0)], orders);
        Assert.Null(next);
    }

    [Theory]
    [InlineData("""{"data": [], "next": "orders?page=2"}""", "https://dashboard.test/api/orders?page=2")]
    [InlineData("""{"data": [], "pagination": {"next": "https://dashboard.test/api/orders?page=2"}, "next": "ignored"}""", "https://dashboard.test/api/orders?page=2")]
    [InlineData("""{"data": [], "page": 1, "pages": 3}""", "https://dashboard.test/api/orders?has_odoo_mo=true&page=2")]
    [InlineData("""{"data": [], "pagination": {"page": 1, "total_pages": 2}}""", "https://dashboard.test/api/orders?has_odoo_mo=true&page=2")]
    [InlineData("""{"data": [], "pagination": "none", "page": 1, "pages": null, "total_pages": 2}""", "https://dashboard.test/api/orders?has_odoo_mo=true&page=2")]
    [InlineData("""{"data": [], "next": "  ", "page": 1, "pages": 2}""", "https://dashboard.test/api/orders?has_odoo_mo=true&page=2")]
    [InlineData("""{"data": [], "next": 5, "page": 1, "pages": 2}""", "https://dashboard.test/api/orders?has_odoo_mo=true&page=2")]
    public void Follows_a_next_link_or_the_page_numbers_on_the_envelope_or_under_pagination(string json, string expected) =>
        Assert.Equal(new Uri(expected), Read(json).Next);

    [Theory]
    [InlineData("""{"data": [], "page": 2, "pages": 2}""")]
    [InlineData("""{"data": [], "page": 1, "pages": "3", "total_pages": 3}""")]
    [InlineData("""{"data": [], "page": 1.0, "pages": 3}""")]
    [InlineData("""{"data": [], "pagination": {"page": 1}, "pages": 3}""")]
    public void Ends_on_the_last_page_or_when_the_page_numbers_are_no_whole_numbers(string json) => Assert.Null(Read(json).Next);

    [Fact]
    public void Reads_ids_mo_ids_and_quantities_however_the_dashboard_types_them()
    {
        var (orders, _) = Read("""
            [
              {"_id": 12, "odoo_mo_id": "7", "status": "pending", "qty_produced": " 2.50 "},
              {"_id": "b", "odoo_mo_id": 8.0, "status": null},
              {"_id": "c", "odoo_mo_id": 8.5, "qty_produced": null},
              {"_id": "d", "odoo_mo_id": "-8"},
              {"_id": "e", "odoo_mo_id": 0}
            ]
            """);

        Assert.Equal(
            [
                new DashboardOrder("12", 7, "pending", 2.5), new DashboardOrder("b", 8, null, 0), new DashboardOrder("c", 0, null, 0),
                new DashboardOrder("d", 0, null, 0), new DashboardOrder("e", 0, null, 0),
            ],
            orders);
    }

    [Theory]
    [InlineData("""{"_id": "a", "odoo_mo_id": 7, "status": {"code": "x"}, "qty_produced": "lots"}""", "status")]
    [InlineData("""{"_id": "a", "odoo_mo_id": 7, "status": 3, "qty_produced": 1}""", "status")]
    [InlineData("""{"_id": "a", "odoo_mo_id": 7, "status": "pending", "qty_produced": "lots"}""", "qty_produced")]
    [InlineData("""{"_id": "a", "odoo_mo_id": 7, "qty_produced": true}""", "qty_produced")]
    [InlineData("""{"_id": "a", "odoo_mo_id": 7, "qty_produced": "NaN"}""", "qty_produced")]
    public void Names_the_first_value_it_cannot_read_and_drops_it(string entry, string unreadable)
    {
        var order = Assert.Single(Read("[" + entry + "]").Orders);

        Assert.Equal(unreadable, order.Unreadable);
        Assert.Null(unreadable == "status" ? order.Status : order.QtyProduced?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"success": false, "data": [5]}""", "Dashboard API: GET /orders answered success: false.")]
    [InlineData("""{"data": [{"_id": ""}], "success": false}""", "Dashboard API: GET /orders answered success: false.")]
    [InlineData("""{"success": false, "message": "down"}""", "Dashboard API: GET /orders answered success: false.")]
    [InlineData("""{"success": "false", "orders": []}""", "Dashboard API: GET /orders answered JSON without an orders array (expected [...] or {success, data: [...]}).")]
    [InlineData("""{"data": {"orders": []}}""", "Dashboard API: GET /orders answered JSON without an orders array (expected [...] or {success, data: [...]}).")]
    [InlineData("\"orders\"", "Dashboard API: GET /orders answered JSON without an orders array (expected [...] or {success, data: [...]}).")]
    [InlineData("""[{"_id": "a"}, 5]""", "Dashboard API: an order in GET /orders is not an object.")]
    [InlineData("""{"data": [null]}""", "Dashboard API: an order in GET /orders is not an object.")]
    [InlineData("""[{"_id": ""}]""", "Dashboard API: an order in GET /orders has no _id.")]
    [InlineData("""[{"_id": 1.5}]""", "Dashboard API: an order in GET /orders has no _id.")]
    [InlineData("""[{"odoo_mo_id": 7}]""", "Dashboard API: an order in GET /orders has no _id.")]
    [InlineData("""{"data": [], "next": "ftp://dashboard.test/x"}""", "Dashboard API: GET /orders gave a 'next' link that is not a URL.")]
    public void Refuses_a_page_it_cannot_use_saying_why(string json, string message) => Assert.Equal(message, Refusal(json));

    [Fact]
    public void An_order_is_judged_before_the_pagination()
    {
        Assert.Equal("Dashboard API: an order in GET /orders has no _id.", Refusal("""{"next": "https://evil.example/x", "data": [{}]}"""));
        Assert.StartsWith("Dashboard API: GET /orders gave a 'next' link to https://evil.example,", Refusal("""{"next": "https://evil.example/x", "data": [{"_id": "a"}]}"""), StringComparison.Ordinal);
    }
}
