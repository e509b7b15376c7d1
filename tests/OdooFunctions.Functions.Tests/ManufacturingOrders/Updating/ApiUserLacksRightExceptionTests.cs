using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Updating;

public sealed class ApiUserLacksRightExceptionTests
{
    // Odoo 19.0's words for the API user on a partial done with a backorder (shared/odoo-webhooks/19.0/05-f).
    private const string Recorded =
        "Failed to read field stock.move.analytic_account_line_ids\nYou are not allowed to access 'Analytic Line' (account.analytic.line) records.\n\n"
        + "This operation is allowed for the following groups:\n\t- Accounting/Administrator\n\t- Accounting/Invoicing\n\t- Analytic Accounting\n"
        + "\t- Show Accounting Features - Readonly\n\nContact your administrator to request access if necessary.";

    [Fact]
    public void Names_the_step_what_Odoo_refused_and_the_groups_to_grant()
    {
        var refused = new OdooAccessException("refused", new OdooError("odoo.exceptions.AccessError", Recorded, 200));
        var message = new ApiUserLacksRightException("button_mark_done", 33, refused).Message;

        Assert.Contains("'button_mark_done' on manufacturing order 33", message, StringComparison.Ordinal);
        Assert.Contains("Odoo API user lacks an access right", message, StringComparison.Ordinal);
        Assert.Contains("'Analytic Line' (account.analytic.line)", message, StringComparison.Ordinal);
        Assert.Contains("stock.move.analytic_account_line_ids", message, StringComparison.Ordinal);
        Assert.EndsWith("Grant the API user one of these groups in Odoo: Accounting/Administrator, Accounting/Invoicing, Analytic Accounting, Show Accounting Features - Readonly.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact your administrator", message, StringComparison.Ordinal);
    }
}
