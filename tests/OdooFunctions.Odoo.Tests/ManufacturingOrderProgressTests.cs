using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Odoo.Tests;

/// <summary>An MO's progress as the sync and the push read it from a <c>search_read</c> record.</summary>
public sealed class ManufacturingOrderProgressTests
{
    private static ManufacturingOrderProgress? Read(string json) => ManufacturingOrderClient.ReadProgress(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Reads_the_id_state_quantity_and_write_date()
    {
        var mo = Read("""{"id": 7, "state": "to_close", "qty_produced": 14.200000000000001, "write_date": "2026-12-01 18:29:16", "name": "WH/MO/7"}""");

        Assert.Equal(new ManufacturingOrderProgress(7, "to_close", 14.200000000000001, OdooTimestamp.Parse("2026-12-01 18:29:16")), mo);
    }

    [Theory]
    [InlineData("""{"state": "done"}""")]
    [InlineData("""{"id": "7", "state": "done"}""")]
    [InlineData("""{"id": 7.5, "state": "done"}""")]
    [InlineData("""{"id": null, "state": "done"}""")]
    [InlineData("""{"id": false, "state": "done"}""")]
    public void A_record_without_an_integer_id_is_skipped(string json) => Assert.Null(Read(json));

    [Fact]
    public void Odoos_false_for_an_empty_field_reads_as_no_value()
    {
        var mo = Read("""{"id": 7, "state": false, "qty_produced": false, "write_date": false}""");

        Assert.Equal(new ManufacturingOrderProgress(7, null, 0, null), mo);
    }

    [Fact]
    public void A_state_the_guide_does_not_map_is_kept_as_Odoo_sent_it()
    {
        var mo = Read("""{"id": 7, "state": "planned", "qty_produced": "3", "write_date": "yesterday"}""");

        Assert.Equal(new ManufacturingOrderProgress(7, "planned", 0, null), mo);
    }
}
