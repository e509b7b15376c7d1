using System.Text.Json.Nodes;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>Reads Odoo records in the guide's shape: asks only for fields the server has, always names them.</summary>
public sealed class ShapedRecords(OdooClient odoo, OdooSchema schema)
{
    public async Task<IReadOnlyList<JsonObject>> SearchAsync(
        RecordShape shape, OdooDomain domain, int limit, int offset, string order, CancellationToken cancellationToken)
    {
        var serverFields = await schema.FieldsAsync(shape.Model, cancellationToken);
        var records = await odoo.SearchReadAsync(shape.Model, domain, shape.OdooFieldsFor(serverFields), limit, offset, order, cancellationToken);
        return [.. records.Select(record => shape.ToGuide(record, serverFields))];
    }

    /// <summary>One record by id, or null when Odoo has no such record.</summary>
    public async Task<JsonObject?> GetAsync(RecordShape shape, long id, CancellationToken cancellationToken)
    {
        var serverFields = await schema.FieldsAsync(shape.Model, cancellationToken);
        var records = await odoo.ReadAsync(shape.Model, [id], shape.OdooFieldsFor(serverFields), cancellationToken);
        return records.Count == 0 ? null : shape.ToGuide(records[0], serverFields);
    }
}
