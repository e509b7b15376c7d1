using System.Text.Json;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Creating;

/// <summary>A create body as the serializer maps it (<see cref="ManufacturingOrderCreateBody"/>) and as <see cref="ManufacturingOrderCreate.From"/> validates it.</summary>
public sealed class ManufacturingOrderCreateTests
{
    private const string Allowed = "Allowed: product_id, product_qty, date_planned_start, date_deadline, origin, priority.";

    private static ManufacturingOrderCreate Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ManufacturingOrderCreate.From(RequestRecord.Read(document.RootElement, ManufacturingOrderJsonContext.Default.ManufacturingOrderCreateBody));
    }

    private static string Refusal(string json) => BodyRefusal.Of(() => Read(json));

    [Fact]
    public void The_fields_are_the_wire_records_names_in_its_order()
    {
        Assert.Equal(["product_id", "product_qty", "date_planned_start", "date_deadline", "origin", "priority"], ManufacturingOrderCreate.Fields);
    }

    [Fact]
    public void Every_unknown_field_is_named_in_body_order_with_the_allowed_ones()
    {
        Assert.Equal($"Unknown field(s): zeta, alpha, Product_Id. {Allowed}",
            Refusal("""{"zeta": 1, "product_id": 1, "alpha": {"x": 1}, "product_qty": 2, "Product_Id": 3}"""));
    }

    [Fact]
    public void Unknown_fields_are_refused_before_a_bad_value_of_a_known_one()
    {
        Assert.Equal($"Unknown field(s): colour. {Allowed}", Refusal("""{"product_id": -1, "product_qty": null, "colour": "red"}"""));
    }

    [Theory]
    [InlineData("$id")]
    [InlineData("$type")]
    [InlineData("$ref")]
    public void A_name_that_looks_like_serializer_metadata_is_an_unknown_field(string name)
    {
        Assert.Equal($"Unknown field(s): {name}. {Allowed}", Refusal($$"""{"product_id": 1, "product_qty": 2, "{{name}}": "1"}"""));
    }

    [Fact]
    public void Only_product_and_quantity_are_needed_and_absent_fields_read_as_null()
    {
        Assert.Equal(new ManufacturingOrderCreate(7, 2.5m, null, null, null, null), Read("""{"product_id": 7, "product_qty": 2.5}"""));
    }

    [Fact]
    public void Present_fields_are_read_with_dates_in_Odoos_UTC_form()
    {
        Assert.Equal(new ManufacturingOrderCreate(7, 3m, "2026-12-01 08:00:00", "2026-12-05 17:00:00", "SO-1", "1"),
            Read("""{"product_id": 7, "product_qty": 3, "date_planned_start": "2026-12-01T09:00:00+01:00", "date_deadline": "2026-12-05 17:00:00", "origin": "SO-1", "priority": 1}"""));
    }

    [Theory]
    [InlineData("product_id")]
    [InlineData("product_qty")]
    [InlineData("date_planned_start")]
    [InlineData("date_deadline")]
    [InlineData("origin")]
    [InlineData("priority")]
    public void Null_is_refused_for_every_field(string field)
    {
        var body = new Dictionary<string, object?> { ["product_id"] = 7, ["product_qty"] = 2, [field] = null };
        Assert.Equal($"'{field}' must not be null.", Refusal(JsonSerializer.Serialize(body)));
    }

    [Theory]
    [InlineData("""{"product_qty": 5}""", "'product_id' is required (the Odoo product id).")]
    [InlineData("""{"product_id": 1}""", "'product_qty' is required (a number > 0).")]
    [InlineData("""{}""", "'product_id' is required (the Odoo product id).")]
    public void A_missing_required_field_is_named(string json, string message) => Assert.Equal(message, Refusal(json));

    [Theory]
    [InlineData("product_id", "\"7\"", "'product_id' must be a number.")]
    [InlineData("product_id", "true", "'product_id' must be a number.")]
    [InlineData("product_id", "-3", "'product_id' must be a positive whole number.")]
    [InlineData("product_id", "1.5", "'product_id' must be a positive whole number.")]
    [InlineData("product_id", "1e20", "'product_id' must be a positive whole number.")]
    [InlineData("product_id", "1e30", "'product_id' must be a number.")]
    [InlineData("product_id", "1e400", "'product_id' must be a number.")]
    [InlineData("product_qty", "\"abc\"", "'product_qty' must be a number.")]
    [InlineData("product_qty", "[5]", "'product_qty' must be a number.")]
    [InlineData("product_qty", "0", "'product_qty' must be a number > 0.")]
    [InlineData("date_planned_start", "20261201", "'date_planned_start' must be text of at most 64 characters.")]
    [InlineData("date_deadline", "\"next friday\"", "'date_deadline' must be a date and time as 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601, e.g. 2025-11-15T17:00:00Z.")]
    [InlineData("origin", "{\"ref\": 1}", "'origin' must be text of at most 256 characters.")]
    [InlineData("origin", "\"SO\\u00001\"", "'origin' must not contain control characters (U+0000 at position 2).")]
    [InlineData("priority", "\"9\"", "'priority' must be \"0\" (normal) or \"1\" (urgent).")]
    [InlineData("priority", "1.0", "'priority' must be \"0\" (normal) or \"1\" (urgent).")]
    [InlineData("priority", "false", "'priority' must be \"0\" (normal) or \"1\" (urgent).")]
    public void A_wrong_value_for_a_field_keeps_its_message(string field, string value, string message)
    {
        var fields = new Dictionary<string, string> { ["product_id"] = "7", ["product_qty"] = "2", [field] = value };
        Assert.Equal(message, Refusal("{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "}"));
    }

    [Fact]
    public void An_origin_longer_than_256_characters_is_refused()
    {
        Assert.Equal("'origin' must be text of at most 256 characters.", Refusal($$"""{"product_id": 1, "product_qty": 1, "origin": "{{new string('x', 257)}}"}"""));
    }

    [Theory]
    [InlineData("""{"priority": 7, "origin": 1, "product_qty": "x", "product_id": 0}""", "'product_id' must be a positive whole number.")]
    [InlineData("""{"priority": 7, "origin": 1, "product_qty": "x", "product_id": 1}""", "'product_qty' must be a number.")]
    [InlineData("""{"priority": 7, "origin": 1, "date_deadline": 1, "product_qty": 1, "product_id": 1}""", "'date_deadline' must be text of at most 64 characters.")]
    [InlineData("""{"priority": 7, "origin": 1, "product_qty": 1, "product_id": 1}""", "'origin' must be text of at most 256 characters.")]
    public void With_several_problems_the_fields_are_checked_in_the_records_order_not_the_bodys(string json, string message) =>
        Assert.Equal(message, Refusal(json));
}
