using System.Text.Json;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Updating;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Updating;

/// <summary>An update body as the serializer maps it (<see cref="ManufacturingOrderUpdateBody"/>) and as <see cref="ManufacturingOrderUpdate.From"/> validates it.</summary>
public sealed class ManufacturingOrderUpdateTests
{
    private const string Allowed = "Allowed: state, product_qty, qty_producing, date_planned_start, date_deadline, priority, origin, backorder.";

    private static ManufacturingOrderUpdate Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ManufacturingOrderUpdate.From(RequestRecord.Read(document.RootElement, ManufacturingOrderJsonContext.Default.ManufacturingOrderUpdateBody));
    }

    private static string Refusal(string json) => BodyRefusal.Of(() => Read(json));

    [Fact]
    public void The_fields_are_the_wire_records_names_in_its_order()
    {
        Assert.Equal(["state", "product_qty", "qty_producing", "date_planned_start", "date_deadline", "priority", "origin", "backorder"], ManufacturingOrderUpdate.Fields);
    }

    [Fact]
    public void Every_unknown_field_is_named_in_body_order_with_the_allowed_ones()
    {
        Assert.Equal($"Unknown field(s): colour, product_id, STATE. {Allowed}",
            Refusal("""{"colour": "red", "state": "done", "product_id": 3, "STATE": "done", "backorder": true}"""));
    }

    [Fact]
    public void Unknown_fields_are_refused_before_an_empty_or_bad_update()
    {
        Assert.Equal($"Unknown field(s): colour. {Allowed}", Refusal("""{"state": "draft", "colour": null}"""));
    }

    [Fact]
    public void An_empty_body_names_every_field_it_could_send()
    {
        Assert.Equal("Nothing to update: send at least one of state, product_qty, qty_producing, date_planned_start, date_deadline, priority, origin, backorder.",
            Refusal("{}"));
    }

    [Fact]
    public void Absent_fields_read_as_null_and_present_ones_as_their_values()
    {
        Assert.Equal(new ManufacturingOrderUpdate(null, null, 0m, null, null, null, "", null), Read("""{"qty_producing": 0, "origin": ""}"""));
        Assert.Equal(new ManufacturingOrderUpdate(MoState.Done, 4m, 3m, "2026-12-01 08:00:00", "2026-12-05 17:00:00", "0", "SO-2", false),
            Read("""{"state": "done", "product_qty": 4, "qty_producing": 3, "date_planned_start": "2026-12-01T08:00:00Z", "date_deadline": "2026-12-05T17:00", "priority": "0", "origin": "SO-2", "backorder": false}"""));
    }

    [Theory]
    [InlineData("state")]
    [InlineData("product_qty")]
    [InlineData("qty_producing")]
    [InlineData("date_planned_start")]
    [InlineData("date_deadline")]
    [InlineData("priority")]
    [InlineData("origin")]
    [InlineData("backorder")]
    public void Null_is_refused_for_every_field(string field)
    {
        Assert.Equal($"'{field}' must not be null.", Refusal($$"""{"{{field}}": null}"""));
    }

    [Theory]
    [InlineData("state", "5", "'state' must be text of at most 32 characters.")]
    [InlineData("state", "\"running\"", "'state' must be one of: confirmed, progress, to_close, done, cancel.")]
    [InlineData("state", "\"draft\"", "'state' cannot go back to draft: Odoo has no such action. Use cancel instead.")]
    [InlineData("product_qty", "\"5\"", "'product_qty' must be a number.")]
    [InlineData("product_qty", "0", "'product_qty' must be a number > 0.")]
    [InlineData("qty_producing", "-1", "'qty_producing' must be a number >= 0.")]
    [InlineData("qty_producing", "{}", "'qty_producing' must be a number.")]
    [InlineData("date_planned_start", "\"soon\"", "'date_planned_start' must be a date and time as 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601, e.g. 2025-11-15T17:00:00Z.")]
    [InlineData("date_deadline", "[]", "'date_deadline' must be text of at most 64 characters.")]
    [InlineData("priority", "2", "'priority' must be \"0\" (normal) or \"1\" (urgent).")]
    [InlineData("origin", "7", "'origin' must be text of at most 256 characters.")]
    [InlineData("backorder", "\"true\"", "'backorder' must be true or false.")]
    [InlineData("backorder", "1", "'backorder' must be true or false.")]
    public void A_wrong_value_for_a_field_keeps_its_message(string field, string value, string message)
    {
        Assert.Equal(message, Refusal($$"""{"{{field}}": {{value}}}"""));
    }

    [Theory]
    [InlineData("""{"backorder": true}""")]
    [InlineData("""{"backorder": false, "state": "progress"}""")]
    public void A_backorder_decision_without_done_is_refused(string json)
    {
        Assert.Equal("'backorder' only applies with \"state\": \"done\".", Refusal(json));
    }

    [Theory]
    [InlineData("""{"backorder": "x", "product_qty": -1, "state": "running"}""", "'state' must be one of: confirmed, progress, to_close, done, cancel.")]
    [InlineData("""{"backorder": "x", "product_qty": -1, "state": "done"}""", "'product_qty' must be a number > 0.")]
    [InlineData("""{"backorder": true, "origin": 1}""", "'origin' must be text of at most 256 characters.")]
    [InlineData("""{"backorder": "x", "origin": "o"}""", "'backorder' must be true or false.")]
    public void With_several_problems_the_fields_are_checked_in_the_records_order_not_the_bodys(string json, string message) =>
        Assert.Equal(message, Refusal(json));
}
