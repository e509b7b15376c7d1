namespace OdooFunctions.Odoo;

/// <summary>One field as <c>fields_get</c> describes it.</summary>
/// <param name="Selection">For selection fields: (value, label) pairs; empty otherwise.</param>
public sealed record OdooField(
    string Name,
    string Type,
    string Label,
    bool Readonly,
    bool Required,
    string? Relation,
    IReadOnlyList<KeyValuePair<string, string>> Selection);
