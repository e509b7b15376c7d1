using System.Text.Json.Nodes;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Odoo;

/// <summary>Reads Odoo records in the guide's shape for the release the server runs; always names the fields it asks for.</summary>
public sealed class ShapedRecords(OdooClient odoo)
{
    public async Task<IReadOnlyList<JsonObject>> SearchAsync(
        PerRelease<RecordShape> shapes, OdooDomain domain, int limit, int offset, string order, CancellationToken cancellationToken)
    {
        var shape = await ShapeAsync(shapes, cancellationToken);
        var records = await odoo.SearchReadAsync(shape.Model, domain, shape.OdooFields, limit, offset, order, cancellationToken);
        return [.. records.Select(shape.ToGuide)];
    }

    /// <summary>One record by id, or null when Odoo has no such record.</summary>
    public async Task<JsonObject?> GetAsync(PerRelease<RecordShape> shapes, long id, CancellationToken cancellationToken)
    {
        var shape = await ShapeAsync(shapes, cancellationToken);
        var records = await odoo.ReadAsync(shape.Model, [id], shape.OdooFields, cancellationToken);
        return records.Count == 0 ? null : shape.ToGuide(records[0]);
    }

    private async Task<RecordShape> ShapeAsync(PerRelease<RecordShape> shapes, CancellationToken cancellationToken) =>
        shapes[(await odoo.GetServerVersionAsync(cancellationToken)).Release];
}
