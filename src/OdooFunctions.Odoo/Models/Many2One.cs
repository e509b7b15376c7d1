namespace OdooFunctions.Odoo.Models;

/// <summary>A reference to a related record, as Odoo reads it: its id and display name (<c>[8, "[FURN_7800] Desk Combination"]</c>).</summary>
public sealed record Many2One(long Id, string Name);
