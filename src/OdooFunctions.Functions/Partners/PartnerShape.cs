using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Partners;

/// <summary>The guide's partner fields on <c>res.partner</c>, per Odoo release. <c>mobile</c> is gone in Odoo 19 and then reads <c>false</c>.</summary>
public static class PartnerShape
{
    public static PerRelease<RecordShape> Instance { get; } = new(release => new RecordShape("res.partner",
    [
        .. new[] { "id", "name", "email", "phone" }.Select(GuideField.Same),
        release.PartnerHasMobile ? GuideField.Same("mobile") : GuideField.Absent("mobile"),
        .. new[] { "street", "city", "zip", "country_id", "is_company", "vat", "ref" }.Select(GuideField.Same),
    ]));
}
