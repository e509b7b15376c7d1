using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// Has Odoo committed the change a webhook announced? 17.0 sends before its transaction commits (a read then sees the
/// old state, or no record for a create); 19.0 sends after, but its payload can be older than what is committed. The
/// two sides are compared at Odoo's read resolution (seconds); within the same second a different state means
/// "not committed yet": a re-check tells, and never trusts either side's values blindly.
/// </summary>
public static class MoChangeFreshness
{
    public static bool IsCommitted(MoChangeMessage change, ManufacturingOrderProgress? committed)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (committed is null)
        {
            return false;
        }

        if (OdooTimestamp.Parse(change.WriteDate) is not { } sent || committed.WriteDate is not { } stored)
        {
            // Nothing to date the change by: what Odoo holds is all there is to go on.
            return true;
        }

        var sentSecond = OdooTimestamp.ToSecond(sent);
        var storedSecond = OdooTimestamp.ToSecond(stored);
        if (storedSecond != sentSecond)
        {
            return storedSecond > sentSecond;
        }

        return change.State is null || string.Equals(change.State, committed.State, StringComparison.Ordinal);
    }
}
