namespace OdooFunctions.Odoo.Releases;

/// <summary>
/// What differs between the Odoo releases this client knows, one row per release, each row read off the recordings
/// of a real server of that release. Callers ask the row (<see cref="OdooServerVersion.Release"/>) instead of
/// comparing version numbers, so that a new Odoo release is a new row (and new recordings), nothing else.
/// </summary>
/// <remarks>
/// A server runs the row of the newest release at or below its version: Odoo Online's <c>saas~17.2</c> runs 17.0's
/// row, a version before 16.0 runs 16.0's. An Odoo Online version that already has a change of the next release
/// (a renamed field, a new method) shows it as Odoo's own error naming the field or method.
/// </remarks>
public sealed record OdooRelease
{
    /// <summary>The guide's release: no JSON-2, no public start or quantity method, no webhooks.</summary>
    public static OdooRelease V16 { get; } = new()
    {
        Name = "16.0",
        Major = 16,
        PlannedStartField = "date_planned_start",
        StorableProducts = StorableProductMarker.ProductType,
        PartnerHasMobile = true,
        RecordProducing = ProducingRoute.OnchangeRawMoves,
        StartAction = null,
        Webhooks = WebhookTiming.None,
    };

    public static OdooRelease V17 { get; } = new()
    {
        Name = "17.0",
        Major = 17,
        PlannedStartField = "date_start",
        StorableProducts = StorableProductMarker.ProductType,
        PartnerHasMobile = true,
        RecordProducing = ProducingRoute.SetQtyProducing,
        StartAction = null,
        Webhooks = WebhookTiming.BeforeCommit,
    };

    public static OdooRelease V18 { get; } = new()
    {
        Name = "18.0",
        Major = 18,
        PlannedStartField = "date_start",
        StorableProducts = StorableProductMarker.IsStorableField,
        PartnerHasMobile = true,
        RecordProducing = ProducingRoute.SetQtyProducing,
        StartAction = "action_start",
        Webhooks = WebhookTiming.BeforeCommit,
    };

    public static OdooRelease V19 { get; } = new()
    {
        Name = "19.0",
        Major = 19,
        HasJson2 = true,
        PlannedStartField = "date_start",
        StorableProducts = StorableProductMarker.IsStorableField,
        PartnerHasMobile = false,
        RecordProducing = ProducingRoute.SetQtyProducing,
        StartAction = "action_start",
        Webhooks = WebhookTiming.AfterCommit,
    };

    /// <summary>Every row, oldest first.</summary>
    public static IReadOnlyList<OdooRelease> All { get; } = [V16, V17, V18, V19];

    /// <summary>The release as Odoo names it (<c>17.0</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The first major version this row covers.</summary>
    public required int Major { get; init; }

    /// <summary><c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> exists (used by <see cref="OdooProtocol.Auto"/>).</summary>
    public bool HasJson2 { get; init; }

    /// <summary>The <c>mrp.production</c> field the guide calls <c>date_planned_start</c> (16.0 also has a read-only <c>date_start</c>: when work really began).</summary>
    public required string PlannedStartField { get; init; }

    public required StorableProductMarker StorableProducts { get; init; }

    /// <summary><c>res.partner.mobile</c> exists (it is gone in 19.0).</summary>
    public bool PartnerHasMobile { get; init; }

    /// <summary>How a produced quantity is recorded on a manufacturing order so that its components follow.</summary>
    public required ProducingRoute RecordProducing { get; init; }

    /// <summary>The public method that starts production without a quantity (<c>action_start</c>, singleton only), or null.</summary>
    public string? StartAction { get; init; }

    /// <summary>Whether automation rules can send webhooks, and whether before or after the change is committed.</summary>
    public required WebhookTiming Webhooks { get; init; }

    /// <summary>The row a server of <paramref name="major"/> runs.</summary>
    public static OdooRelease For(int major) => All.LastOrDefault(release => release.Major <= major) ?? All[0];

    public override string ToString() => Name;
}
