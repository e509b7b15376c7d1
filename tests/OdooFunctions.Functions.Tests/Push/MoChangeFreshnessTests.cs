using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Push;

namespace OdooFunctions.Functions.Tests.Push;

public sealed class MoChangeFreshnessTests
{
    private static ManufacturingOrderProgress Odoo(string state, string writeDate) => new(7, state, 0, OdooTimestamp.Parse(writeDate));

    private static MoChangeMessage Change(string? state, string? writeDate) => new(7, writeDate, state);

    [Fact]
    public void A_just_created_MO_that_Odoo_does_not_show_yet_is_not_committed() =>
        Assert.False(MoChangeFreshness.IsCommitted(Change("draft", "2026-12-01 18:29:16.175821"), null));

    [Fact]
    public void Odoo_showing_an_older_write_date_than_the_payload_is_not_committed_yet() =>
        Assert.False(MoChangeFreshness.IsCommitted(Change("confirmed", "2026-12-01 18:29:17.000100"), Odoo("draft", "2026-12-01 18:29:16")));

    [Fact]
    public void The_same_second_with_another_state_is_not_committed_yet_17_0_before_commit() =>
        Assert.False(MoChangeFreshness.IsCommitted(Change("confirmed", "2026-12-01 18:29:16.175821"), Odoo("draft", "2026-12-01 18:29:16")));

    [Fact]
    public void The_same_second_and_the_same_state_is_committed() =>
        Assert.True(MoChangeFreshness.IsCommitted(Change("confirmed", "2026-12-01 18:29:16.999999"), Odoo("confirmed", "2026-12-01 18:29:16")));

    [Fact]
    public void A_newer_write_date_in_Odoo_is_committed_even_with_another_state_19_0_payload_older_than_commit() =>
        Assert.True(MoChangeFreshness.IsCommitted(Change("to_close", "2026-12-01 18:33:38.516039"), Odoo("done", "2026-12-01 18:33:39")));

    [Fact]
    public void Microseconds_are_not_compared_against_a_read_that_has_none() =>
        Assert.True(MoChangeFreshness.IsCommitted(Change("done", "2026-12-01 18:33:40.900000"), Odoo("done", "2026-12-01 18:33:40")));

    [Fact]
    public void Without_a_write_date_in_the_payload_what_Odoo_holds_is_taken() =>
        Assert.True(MoChangeFreshness.IsCommitted(Change("done", null), Odoo("progress", "2026-12-01 18:33:40")));

    [Theory]
    [InlineData("2026-12-01 18:29:16", 2026, 12, 1, 18, 29, 16, 0)]
    [InlineData("2026-12-01 18:29:16.175821", 2026, 12, 1, 18, 29, 16, 1758210)]
    [InlineData("2026-12-01 18:29:16.5", 2026, 12, 1, 18, 29, 16, 5000000)]
    public void Odoo_timestamps_parse_as_utc_with_or_without_microseconds(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        var parsed = OdooTimestamp.Parse(text)!.Value;
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(ticks), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-12-01T18:29:16Z")]
    [InlineData("yesterday")]
    public void Anything_else_is_no_Odoo_timestamp(string? text) => Assert.Null(OdooTimestamp.Parse(text));
}
