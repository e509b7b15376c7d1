using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>Contacts and companies (<c>res.partner</c>) over the one shared <see cref="OdooClient"/>. Virtual for substitution in tests.</summary>
public class PartnerClient
{
    public const string Model = "res.partner";

    private static readonly PerRelease<RecordShape> Shapes = new(release => new RecordShape(Model,
    [
        .. new[] { "id", "name", "email", "phone" }.Select(RecordField.Same),
        release.PartnerHasMobile ? RecordField.Same("mobile") : RecordField.Absent("mobile"),
        .. new[] { "street", "city", "zip", "country_id", "is_company", "vat", "ref" }.Select(RecordField.Same),
    ]));

    private readonly ModelReader<Partner> _reader = null!;

    /// <summary>For mocking only.</summary>
    protected PartnerClient() { }

    public PartnerClient(OdooClient odoo)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        _reader = new(odoo, Shapes, OdooModelsJsonContext.Default.Partner);
    }

    /// <param name="isCompany">Only companies (true), only people (false), or both (null).</param>
    public virtual Task<IReadOnlyList<Partner>> ListAsync(bool? isCompany, int limit, int offset, CancellationToken cancellationToken = default) =>
        _reader.SearchAsync(isCompany is { } company ? OdooDomain.Where("is_company", "=", company) : OdooDomain.All, limit, offset, "id", cancellationToken);
}
