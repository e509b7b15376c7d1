using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The user a call runs as: the API user, or the administrator (who alone may create automation rules).
/// <paramref name="ReadsAnalyticLines"/>: the user has an accounting group that may read analytic lines (see
/// <see cref="OdooVersion.BackorderSplitReadsAnalyticLines"/>).
/// </summary>
internal sealed record OdooUser(long Uid, string Name, bool IsAdmin, bool ReadsAnalyticLines = true)
{
    /// <summary>The user as a many2one on the wire: [id, name].</summary>
    public JsonArray Reference() => new(Uid, Name);
}
