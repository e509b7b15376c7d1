using System.Text.Json.Nodes;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Functions.Partners;
using OdooFunctions.Functions.Products;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Tests.Odoo;

/// <summary>The guide's view of a record: names, order, missing fields, computed fields, shared sources.</summary>
public sealed class RecordShapeTests
{
    /// <summary>Same names, values and order: the dashboard reads the guide's field order.</summary>
    private static void AssertSameJson(string expected, JsonObject actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    private static JsonObject Record() => JsonNode.Parse("""{"id": 7, "name": "WH/MO/00007", "date_start": "2026-12-01 08:00:00", "state": "confirmed"}""")!.AsObject();

    [Fact]
    public void A_record_comes_out_under_the_guide_names_in_the_guide_order_with_false_for_what_the_release_lacks()
    {
        var shape = new RecordShape("mrp.production",
        [
            GuideField.Same("state"), GuideField.Same("id"), new GuideField("date_planned_start", ["date_start"]),
            GuideField.Absent("origin"), GuideField.Same("name"),
        ]);

        var shaped = shape.ToGuide(Record());

        AssertSameJson("""{"state": "confirmed", "id": 7, "date_planned_start": "2026-12-01 08:00:00", "origin": false, "name": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void A_computed_field_reads_the_whole_record_even_when_it_comes_after_plain_fields_that_take_their_values()
    {
        var shape = new RecordShape("mrp.production",
        [
            GuideField.Same("state"), GuideField.Same("name"),
            new GuideField("label", ["name"], record => JsonValue.Create($"{record["name"]} ({record["state"]})")),
        ]);

        var shaped = shape.ToGuide(Record());

        AssertSameJson("""{"state": "confirmed", "name": "WH/MO/00007", "label": "WH/MO/00007 (confirmed)"}""", shaped);
    }

    [Fact]
    public void Two_plain_fields_with_one_source_both_get_its_value()
    {
        var shape = new RecordShape("mrp.production", [GuideField.Same("name"), new GuideField("display", ["name"])]);

        var shaped = shape.ToGuide(Record());

        AssertSameJson("""{"name": "WH/MO/00007", "display": "WH/MO/00007"}""", shaped);
    }

    [Fact]
    public void Every_record_of_an_answer_is_shaped_on_its_own()
    {
        var shape = new RecordShape("mrp.production", [GuideField.Same("id"), GuideField.Same("name")]);
        var answer = JsonNode.Parse("""[{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]""")!.AsArray();

        var shaped = answer.Select(record => shape.ToGuide(record!.AsObject())).ToList();

        AssertSameJson("""{"id": 1, "name": "A"}""", shaped[0]);
        AssertSameJson("""{"id": 2, "name": "B"}""", shaped[1]);
    }

    [Theory]
    [InlineData("16.0", "date_planned_start")]
    [InlineData("17.0", "date_start")]
    [InlineData("18.0", "date_start")]
    [InlineData("19.0", "date_start")]
    public void The_planned_start_is_read_from_the_field_each_release_keeps_it_in(string release, string odooField)
    {
        var shape = ManufacturingOrderShape.Instance[OdooRelease.All.Single(r => r.Name == release)];

        Assert.Contains(odooField, shape.OdooFields);
        Assert.Equal(odooField, shape.Fields.Single(f => f.Name == "date_planned_start").Source);
    }

    [Fact]
    public void On_16_0_the_planned_start_is_the_scheduled_date_not_the_date_work_began()
    {
        // 16.0 has both: date_planned_start ("Scheduled Date", writable) and date_start (read-only, set when work starts).
        var shape = ManufacturingOrderShape.Instance[OdooRelease.V16];
        var record = JsonNode.Parse("""{"id": 1, "date_planned_start": "2026-12-01 08:00:00", "date_start": false}""")!.AsObject();

        Assert.DoesNotContain("date_start", shape.OdooFields);
        Assert.Equal("2026-12-01 08:00:00", shape.ToGuide(record)["date_planned_start"]!.GetValue<string>());
    }

    [Fact]
    public void Storable_products_read_type_product_on_every_release()
    {
        var storable18 = JsonNode.Parse("""{"id": 1, "type": "consu", "is_storable": true}""")!.AsObject();
        var consumable18 = JsonNode.Parse("""{"id": 2, "type": "consu", "is_storable": false}""")!.AsObject();
        var storable17 = JsonNode.Parse("""{"id": 1, "type": "product"}""")!.AsObject();

        Assert.Equal("product", ProductShape.Instance[OdooRelease.V18].ToGuide(storable18)["type"]!.GetValue<string>());
        Assert.Equal("consu", ProductShape.Instance[OdooRelease.V19].ToGuide(consumable18)["type"]!.GetValue<string>());
        Assert.Equal("product", ProductShape.Instance[OdooRelease.V17].ToGuide(storable17)["type"]!.GetValue<string>());
        Assert.DoesNotContain("is_storable", ProductShape.Instance[OdooRelease.V16].OdooFields);
        Assert.DoesNotContain("is_storable", ProductShape.Instance[OdooRelease.V17].OdooFields);
    }

    [Fact]
    public void A_partner_mobile_is_asked_for_up_to_18_0_and_reads_false_on_19_0()
    {
        var partner = JsonNode.Parse("""{"id": 1, "name": "A"}""")!.AsObject();

        Assert.Contains("mobile", PartnerShape.Instance[OdooRelease.V18].OdooFields);
        Assert.DoesNotContain("mobile", PartnerShape.Instance[OdooRelease.V19].OdooFields);
        Assert.False(PartnerShape.Instance[OdooRelease.V19].ToGuide(partner)["mobile"]!.GetValue<bool>());
    }
}
