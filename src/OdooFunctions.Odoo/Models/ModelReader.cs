using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// Reads one model's records for a typed client: asks for the fields the server's release has, renames them to the
/// record's names (<see cref="RecordShape"/>) and deserializes the record.
/// </summary>
internal sealed class ModelReader<T>(OdooClient odoo, PerRelease<RecordShape> shapes, JsonTypeInfo<T> typeInfo) where T : class
{
    public async Task<IReadOnlyList<T>> SearchAsync(OdooDomain domain, int? limit, int offset, string? order, CancellationToken cancellationToken)
    {
        var shape = await ShapeAsync(cancellationToken);
        var records = await odoo.SearchReadAsync(shape.Model, domain, shape.OdooFields, limit, offset, order, cancellationToken);
        return [.. records.Select(record => ToRecord(shape, record))];
    }

    /// <summary>The records of <paramref name="ids"/> Odoo holds (ids it does not have are absent).</summary>
    public async Task<IReadOnlyList<T>> ReadAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var shape = await ShapeAsync(cancellationToken);
        var records = await odoo.ReadAsync(shape.Model, ids, shape.OdooFields, cancellationToken);
        return [.. records.Select(record => ToRecord(shape, record))];
    }

    private async Task<RecordShape> ShapeAsync(CancellationToken cancellationToken) =>
        shapes[(await odoo.GetServerVersionAsync(cancellationToken)).Release];

    /// <summary>A value of another type than the record's is Odoo answering something unexpected, not the caller's mistake.</summary>
    private T ToRecord(RecordShape shape, JsonObject record)
    {
        try
        {
            return shape.ToRecord(record).Deserialize(typeInfo) ?? throw new JsonException("null record");
        }
        catch (JsonException e)
        {
            throw new OdooUnexpectedResponseException($"Odoo answered a {shape.Model} record this client cannot read ({e.Path}).", null, e) { Model = shape.Model };
        }
    }
}
