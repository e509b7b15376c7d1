using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Odoo;

/// <summary>The guide's view of a record: names, order, missing fields, computed fields, shared sources.</summary>
public sealed class RecordShapeTests
{
    private static readonly IReadOnlyDictionary<string, OdooField> Server = new Dictionary<string, OdooField>
    {
        ["name"] = Field("name", "char"),
        ["date_start"] = Field("date_start", "datetime"),
        ["state"] = Field("state", "selection"),
    };

    private static OdooField Field(string name, string type) => new(name, type, name, Readonly: false, Required: false, Relation: null, Selection: []);

    /// <summary>Same names, values and order: the dashboard reads the guide's field order.</summary>
    private static void AssertSameJson(string expected, JsonObject actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    private static JsonObject Record() => JsonNode.Parse("""{"id": 7, "name": "WH/MO/00007", "date_start": "2026-12-01 08:00:00", "state": "confirmed"}""")!.AsObject();

    [Fact]
    public void A_record_comes_out_under_the_guide_names_in_the_guide_order_with_false_for_what_the_server_lacks()
    {
        var shape = new RecordShape("mrp.production",
        [
            GuideField.Same("state"), GuideField.Same("id"), new GuideField("date_planned_start", ["date_planned_start", "date_start"]),
            GuideField.Same("origin"), GuideField.Same("name"),
        ]);

        var shaped = shape.ToGuide(Record(), Server);

        AssertSameJson("""{"state": "confirmed", "id": 7, "date_planned_start": "2026-12-01 08:00:00", "origin": false, "name": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void A_computed_field_reads_the_whole_record_even_when_it_comes_after_plain_fields_that_take_their_values()
    {
        var shape = new RecordShape("mrp.production",
        [
            GuideField.Same("state"), GuideField.Same("name"),
            new GuideField("label", ["name"], (record, _) => JsonValue.Create($"{record["name"]} ({record["state"]})")),
        ]);

        var shaped = shape.ToGuide(Record(), Server);

        AssertSameJson("""{"state": "confirmed", "name": "WH/MO/00007", "label": "WH/MO/00007 (confirmed)"}""", shaped);
    }

    [Fact]
    public void Two_plain_fields_with_one_source_both_get_its_value()
    {
        var shape = new RecordShape("mrp.production", [GuideField.Same("name"), new GuideField("display", ["name"])]);

        var shaped = shape.ToGuide(Record(), Server);

        AssertSameJson("""{"name": "WH/MO/00007", "display": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void Every_record_of_an_answer_is_shaped_on_its_own()
    {
        var shape = new RecordShape("mrp.production", [GuideField.Same("id"), GuideField.Same("name")]);
        var answer = JsonNode.Parse("""[{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]""")!.AsArray();

        var shaped = answer.Select(record => shape.ToGuide(record!.AsObject(), Server)).ToList();

        AssertSameJson("""{"id": 1, "name": "A"}""", shaped[0]);
        AssertSameJson("""{"id": 2, "name": "B"}""", shaped[1]);
    }
}
