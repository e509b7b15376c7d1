using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// Odoo refused a step of a write with an AccessError: the Odoo API user lacks a right that step needs (e.g. reading
/// analytic lines when a partial done splits a backorder on 19.0 with accounting installed). Names what Odoo refused
/// and the groups Odoo says would allow it, so an operator knows what to grant.
/// </summary>
public sealed class ApiUserLacksRightException(string step, long manufacturingOrderId, OdooAccessException cause)
    : Exception(MessageFor(step, manufacturingOrderId, cause), cause)
{
    private static string MessageFor(string step, long id, OdooAccessException cause)
    {
        var odooSaid = cause.Error?.Message ?? cause.Message;
        var lines = odooSaid.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var groups = lines.Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[2..]).ToList();
        var refused = lines.Where(line => !line.StartsWith("- ", StringComparison.Ordinal)
            && !line.StartsWith("This operation is allowed", StringComparison.Ordinal)
            && !line.StartsWith("Contact your administrator", StringComparison.Ordinal));
        var message = $"Odoo refused '{step}' on manufacturing order {id} because the Odoo API user lacks an access right it needs: {string.Join(" ", refused)}";
        return groups.Count > 0 ? $"{message} Grant the API user one of these groups in Odoo: {string.Join(", ", groups)}." : message;
    }
}
