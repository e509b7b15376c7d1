using OdooFunctions.Functions.Odoo;

namespace OdooFunctions.Functions.Partners;

/// <summary>The guide's partner fields on <c>res.partner</c>. <c>mobile</c> is gone in Odoo 19 and then reads <c>false</c>.</summary>
public static class PartnerShape
{
    public static RecordShape Instance { get; } = new("res.partner",
        [.. new[] { "id", "name", "email", "phone", "mobile", "street", "city", "zip", "country_id", "is_company", "vat", "ref" }.Select(GuideField.Same)]);
}
