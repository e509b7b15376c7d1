using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Tests;

/// <summary>The release table: which row a server runs, and the differences each row holds.</summary>
public sealed class OdooReleaseTests
{
    [Theory]
    [InlineData("16.0-20240216", "16.0")]
    [InlineData("17.0-20240709", "17.0")]
    [InlineData("18.0-20250506", "18.0")]
    [InlineData("19.0", "19.0")]
    [InlineData("saas~17.2+e", "17.0")]
    [InlineData("saas~18.4+e", "18.0")]
    [InlineData("20.0+e", "19.0")]
    [InlineData("15.0", "16.0")]
    public void A_server_runs_the_row_of_the_newest_release_at_or_below_its_version(string serverVersion, string row) =>
        Assert.Equal(row, OdooServerVersion.Parse(serverVersion).Release.Name);

    [Fact]
    public void The_rows_are_in_release_order_one_per_major()
    {
        Assert.Equal(["16.0", "17.0", "18.0", "19.0"], OdooRelease.All.Select(r => r.Name));
        Assert.Equal(OdooRelease.All.Select(r => r.Major).Order(), OdooRelease.All.Select(r => r.Major));
    }

    [Fact]
    public void Only_16_0_records_components_by_onchange_and_only_18_0_on_can_start_without_a_quantity()
    {
        Assert.Equal([ProducingRoute.OnchangeRawMoves, ProducingRoute.SetQtyProducing, ProducingRoute.SetQtyProducing, ProducingRoute.SetQtyProducing],
            OdooRelease.All.Select(r => r.RecordProducing));
        Assert.Equal([null, null, "action_start", "action_start"], OdooRelease.All.Select(r => r.StartAction));
    }

    [Fact]
    public void Webhooks_exist_from_17_0_and_only_19_0_sends_them_after_commit()
    {
        Assert.Equal([WebhookTiming.None, WebhookTiming.BeforeCommit, WebhookTiming.BeforeCommit, WebhookTiming.AfterCommit],
            OdooRelease.All.Select(r => r.Webhooks));
    }

    [Fact]
    public void A_value_made_per_release_is_found_by_the_row()
    {
        var names = new PerRelease<string>(release => "row " + release.Name);

        Assert.Equal("row 18.0", names[OdooServerVersion.Parse("saas~18.2").Release]);
        Assert.Equal("row 16.0", names[OdooRelease.V16]);
    }
}
