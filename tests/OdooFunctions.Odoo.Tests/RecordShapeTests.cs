using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Odoo.Tests;

/// <summary>A model's fields on one release: names, order, missing fields, computed fields, shared sources.</summary>
public sealed class RecordShapeTests
{
    /// <summary>Same names, values and order: the dashboard reads the guide's field order.</summary>
    private static void AssertSameJson(string expected, JsonObject actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    private static JsonObject Record() => JsonNode.Parse("""{"id": 7, "name": "WH/MO/00007", "date_start": "2026-12-01 08:00:00", "state": "confirmed"}""")!.AsObject();

    [Fact]
    public void A_record_comes_out_under_the_record_names_in_the_record_order_with_false_for_what_the_release_lacks()
    {
        var shape = new RecordShape("mrp.production",
        [
            RecordField.Same("state"), RecordField.Same("id"), new RecordField("date_planned_start", ["date_start"]),
            RecordField.Absent("origin"), RecordField.Same("name"),
        ]);

        var shaped = shape.ToRecord(Record());

        AssertSameJson("""{"state": "confirmed", "id": 7, "date_planned_start": "2026-12-01 08:00:00", "origin": false, "name": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void A_computed_field_reads_the_whole_record_even_when_it_comes_after_plain_fields_that_take_their_values()
    {
        var shape = new RecordShape("mrp.production",
        [
            RecordField.Same("state"), RecordField.Same("name"),
            new RecordField("label", ["name"], record => JsonValue.Create($"{record["name"]} ({record["state"]})")),
        ]);

        var shaped = shape.ToRecord(Record());

        AssertSameJson("""{"state": "confirmed", "name": "WH/MO/00007", "label": "WH/MO/00007 (confirmed)"}""", shaped);
    }

    [Fact]
    public void Two_plain_fields_with_one_source_both_get_its_value()
    {
        var shape = new RecordShape("mrp.production", [RecordField.Same("name"), new RecordField("display", ["name"])]);

        var shaped = shape.ToRecord(Record());

        AssertSameJson("""{"name": "WH/MO/00007", "display": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void Every_record_of_an_answer_is_shaped_on_its_own()
    {
        var shape = new RecordShape("mrp.production", [RecordField.Same("id"), RecordField.Same("name")]);
        var answer = JsonNode.Parse("""[{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]""")!.AsArray();

        var shaped = answer.Select(record => shape.ToRecord(record!.AsObject())).ToList();

        AssertSameJson("""{"id": 1, "name": "A"}""", shaped[0]);
        AssertSameJson("""{"id": 2, "name": "B"}""", shaped[1]);
    }
}
