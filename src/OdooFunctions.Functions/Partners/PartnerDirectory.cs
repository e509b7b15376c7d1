using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Partners;

/// <summary>Partners (customers, vendors, contacts) as the dashboard sees them.</summary>
public sealed class PartnerDirectory(ShapedRecords records)
{
    public Task<IReadOnlyList<JsonObject>> ListAsync(bool? isCompany, int limit, int offset, CancellationToken cancellationToken)
    {
        var domain = isCompany is { } company ? OdooDomain.Where("is_company", "=", company) : OdooDomain.All;
        return records.SearchAsync(PartnerShape.Instance, domain, limit, offset, "id", cancellationToken);
    }
}
