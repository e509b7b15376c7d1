using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>What the double does when a JSON-2 path is asked of a version without JSON-2.</summary>
public enum OdooJson2Absence
{
    /// <summary>The version has JSON-2 (19.0).</summary>
    None,

    /// <summary>The website's 404 page (16.0, 17.0).</summary>
    NotFoundPage,

    /// <summary>303 to <c>/web/login?redirect=…</c>: the path exists but wants a session (18.0).</summary>
    LoginRedirect,
}

/// <summary>
/// Everything that differs between the Odoo versions the double speaks, one row per version, each fact as the
/// recordings (Recordings/, WebhookRecordings/) or, where they say nothing, that version's source show it. A new
/// version is a new row, a new seed (Seed/recorded-&lt;version&gt;.json) and its recordings.
/// </summary>
public sealed record OdooVersion
{
    /// <summary>Odoo 16.0: JSON-RPC only, components recorded on the moves (quantity_done, onchange), wizards everywhere.</summary>
    public static readonly OdooVersion V16 = new()
    {
        Name = "16.0",
        ServerVersion = "16.0-20240216",
        ApiUid = 8,
        Json2Absence = OdooJson2Absence.NotFoundPage,
        NotFoundPage = "not-found-16.0.html",
        JsonRpcErrorCode = 200,
        DebugSecondInErrors = true,
        QualifiedMethodNames = false,
        ShortInvalidFieldMessage = false,
        ExecuteKwUnpacksFirst = false,
        RequiredFieldMessage19 = false,
        DomainTermWord = "leaf",
        DatabasePort = 5433,
        ProductionDescription = "Production Order",
        PlannedStartField = "date_planned_start",
        PlannedEndField = "date_planned_finished",
        StorableField = "detailed_type",
        HasPartnerMobile = true,
        HasActionStart = false,
        HasSetQtyProducing = false,
        HasLegacyOnchange = true,
        ImmediateProductionWizard = true,
        MarkDoneIdsInContext = true,
        ClosingSetsProductQtyToProduced = true,
        PostsMovesAsOdoo16 = true,
        CancelOfDoneRefused = false,
        BackorderSplitReadsAnalyticLines = false,
        FullProductionReadNeedsAccounting = false,
        HasWebhookAction = false,
        WebhooksAfterCommit = false,
        WebhookSuccessLogged = false,
        WebhookActionNameComputed = false,
        SamplePayloadAsPosts = false,
        RuleModelsReadableByUser = true,
        AdministratorGroup = "Administration/Settings",
        UsersClass = "Users",
        ListViewMode = "tree",
    };

    /// <summary>Odoo 17.0: JSON-RPC only; set_qty_producing; webhooks sent before the commit.</summary>
    public static readonly OdooVersion V17 = V16 with
    {
        Name = "17.0",
        ServerVersion = "17.0-20240709",
        NotFoundPage = "not-found-17.0.html",
        DatabasePort = 5434,
        PlannedStartField = "date_start",
        PlannedEndField = "date_finished",
        HasSetQtyProducing = true,
        HasLegacyOnchange = false,
        ImmediateProductionWizard = false,
        MarkDoneIdsInContext = false,
        ClosingSetsProductQtyToProduced = false,
        PostsMovesAsOdoo16 = false,
        HasWebhookAction = true,
        WebhookActionNameComputed = true,
    };

    /// <summary>Odoo 18.0: still JSON-RPC only (JSON-2 paths redirect to the login page), action_start, 19.0's method messages.</summary>
    public static readonly OdooVersion V18 = V17 with
    {
        Name = "18.0",
        ServerVersion = "18.0-20250506",
        Json2Absence = OdooJson2Absence.LoginRedirect,
        NotFoundPage = "not-found-18.0.html",
        QualifiedMethodNames = true,
        DatabasePort = 5433,
        ProductionDescription = "Manufacturing Order",
        StorableField = "is_storable",
        HasActionStart = true,
        SamplePayloadAsPosts = true,
        RuleModelsReadableByUser = false,
        ListViewMode = "list",
    };

    /// <summary>Odoo 19.0: JSON-2, webhooks after the commit, stricter rights for the API user.</summary>
    public static readonly OdooVersion V19 = V18 with
    {
        Name = "19.0",
        ServerVersion = "19.0",
        ApiUid = 7,
        Json2Absence = OdooJson2Absence.None,
        NotFoundPage = null,
        JsonRpcErrorCode = 0,
        DebugSecondInErrors = false,
        ShortInvalidFieldMessage = true,
        ExecuteKwUnpacksFirst = true,
        RequiredFieldMessage19 = true,
        DomainTermWord = "condition",
        HasPartnerMobile = false,
        CancelOfDoneRefused = true,
        BackorderSplitReadsAnalyticLines = true,
        FullProductionReadNeedsAccounting = true,
        WebhooksAfterCommit = true,
        WebhookSuccessLogged = true,
        WebhookActionNameComputed = false,
        AdministratorGroup = "Role / Administrator",
        UsersClass = "ResUsers",
    };

    /// <summary>Every version the double speaks, oldest first.</summary>
    public static IReadOnlyList<OdooVersion> All { get; } = [V16, V17, V18, V19];

    /// <summary>"16.0", "17.0", "18.0", "19.0".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(v => v.Name)];

    /// <summary>The row of <paramref name="name"/> ("18.0"); ArgumentException for a version the double does not speak.</summary>
    public static OdooVersion Of(string name) =>
        All.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException($"Unsupported Odoo version '{name}': use {string.Join(", ", Names.Select(n => $"\"{n}\""))}.", nameof(name));

    /// <summary>The series, as common.version's server_serie and the seed's file name have it ("18.0").</summary>
    public required string Name { get; init; }

    /// <summary>common.version's server_version as the recorded server sent it ("17.0-20240709"; 19.0 sent "19.0").</summary>
    public required string ServerVersion { get; init; }

    public int Major => int.Parse(Name.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>server_version_info: [major, 0, 0, "final", 0, ""].</summary>
    public JsonArray VersionInfo() => new(Major, 0, 0, "final", 0, "");

    /// <summary>The recordings' API user (api@yourcompany.com): its uid in the recorded database.</summary>
    public long ApiUid { get; init; }

    /// <summary>JSON-2 (POST /json/2/&lt;model&gt;/&lt;method&gt;, GET /json/version and /web/version) is served.</summary>
    public bool HasJson2 => Json2Absence == OdooJson2Absence.None;

    /// <summary>What /json/2/… and /json/version answer when the version has no JSON-2 (01-b, 12-a json2 files).</summary>
    public OdooJson2Absence Json2Absence { get; init; }

    /// <summary>The website's 404 page recorded for this version (Seed/), or null for werkzeug's plain page (19.0 without website).</summary>
    public string? NotFoundPage { get; init; }

    /// <summary>JSON-RPC error.code: 200 up to 18.0, 0 on 19.0.</summary>
    public int JsonRpcErrorCode { get; init; }

    /// <summary>error.data key order: name, debug, message, arguments, context (up to 18.0) or name, message, arguments, context, debug (19.0).</summary>
    public bool DebugSecondInErrors { get; init; }

    /// <summary>"The method 'mrp.production.m' does not exist", "Private methods (such as 'mrp.production._m') …" (18.0, 19.0) or the older wording naming the method alone (15-b, 15-c).</summary>
    public bool QualifiedMethodNames { get; init; }

    /// <summary>"Invalid field 'x' on 'model'" (19.0) or "Invalid field 'x' on model 'model'" (04-b, 09).</summary>
    public bool ShortInvalidFieldMessage { get; init; }

    /// <summary>19.0 unpacks execute_kw's (db, uid, key, model, method, *rest) first: too few arguments are a ValueError, not a TypeError (15-g).</summary>
    public bool ExecuteKwUnpacksFirst { get; init; }

    /// <summary>The missing-required-field message in 19.0's words (16-b) instead of the older list.</summary>
    public bool RequiredFieldMessage19 { get; init; }

    /// <summary>How a domain error names a term: "leaf" before 19.0, "condition" on 19.0.</summary>
    public required string DomainTermWord { get; init; }

    /// <summary>The PostgreSQL port the recorded server's OperationalError names (15-d).</summary>
    public int DatabasePort { get; init; }

    /// <summary>mrp.production's _description ("Production Order" up to 17.0), as model_id and validation messages show it.</summary>
    public required string ProductionDescription { get; init; }

    /// <summary>The MO's planned start: date_planned_start on 16.0 (its date_start is the actual start), date_start from 17.0 on.</summary>
    public required string PlannedStartField { get; init; }

    /// <summary>
    /// The MO's planned end: 16.0's date_planned_finished (its date_start and date_finished are the actual ones, empty
    /// until production starts and ends), from 17.0 date_finished (start and end are planned until production moves them).
    /// </summary>
    public required string PlannedEndField { get; init; }

    /// <summary>The field that makes a product storable: detailed_type "product" (16.0, 17.0) or is_storable (18.0, 19.0).</summary>
    public required string StorableField { get; init; }

    /// <summary>res.partner.mobile exists (up to 18.0).</summary>
    public bool HasPartnerMobile { get; init; }

    /// <summary>mrp.production.action_start exists (18.0, 19.0), for one order at a time.</summary>
    public bool HasActionStart { get; init; }

    /// <summary>
    /// mrp.production.set_qty_producing exists (17.0 on): components are recorded on the moves as quantity + picked.
    /// Without it (16.0) they are recorded as quantity_done, through onchange or a write of the moves.
    /// </summary>
    public bool HasSetQtyProducing { get; init; }

    /// <summary>
    /// 16.0's onchange(ids, values, field_name, field_onchange): what the web form asks when a field changes, e.g. the
    /// components' quantity_done for a new qty_producing (17-i). 17.0 changed its signature; the double has only 16.0's.
    /// </summary>
    public bool HasLegacyOnchange { get; init; }

    /// <summary>
    /// 16.0's button_mark_done on an order with nothing recorded asks the "Immediate Production?" wizard
    /// (mrp.immediate.production, 20-c); later versions produce everything without asking (18.0 20-c).
    /// </summary>
    public bool ImmediateProductionWizard { get; init; }

    /// <summary>16.0's button_mark_done puts button_mark_done_production_ids in the context it passes to wizards and actions.</summary>
    public bool MarkDoneIdsInContext { get; init; }

    /// <summary>16.0 closes an order without a backorder with product_qty = the quantity produced (19-i); later versions keep the plan.</summary>
    public bool ClosingSetsProductQtyToProduced { get; init; }

    /// <summary>
    /// 16.0's stock: done moves that consumed less than their demand are split, the rest becoming a new (cancelled)
    /// move; moves that consumed more get an extra move merged back into them (their demand becomes what was
    /// consumed). Both take move ids (16.0 19-h: 198–201; 21-i: 226). Later versions leave the moves as they are (18.0).
    /// </summary>
    public bool PostsMovesAsOdoo16 { get; init; }

    /// <summary>action_cancel of a done order: 19.0 refuses (UserError); before, it answers true and the order stays done (11-j).</summary>
    public bool CancelOfDoneRefused { get; init; }

    /// <summary>
    /// 19.0's mrp_account reads the moves' analytic lines while a backorder split renames the order: a user without
    /// accounting rights gets an AccessError (webhooks 19.0/05-f); 17.0 and 18.0 split for the same user.
    /// </summary>
    public bool BackorderSplitReadsAnalyticLines { get; init; }

    /// <summary>19.0: reading every field of an MO (search_read without fields) needs accounting rights (wip_move_ids, 08).</summary>
    public bool FullProductionReadNeedsAccounting { get; init; }

    /// <summary>ir.actions.server has the "Send Webhook Notification" action (state "webhook"), from 17.0 on.</summary>
    public bool HasWebhookAction { get; init; }

    /// <summary>Webhooks are POSTed after the commit (19.0), or inside the transaction before it (17.0, 18.0).</summary>
    public bool WebhooksAfterCommit { get; init; }

    /// <summary>19.0 also logs "Webhook call to … - succeeded" after a POST.</summary>
    public bool WebhookSuccessLogged { get; init; }

    /// <summary>17.0 and 18.0 name a rule's webhook action themselves ("Send Webhook Notification"); 19.0 keeps the given name.</summary>
    public bool WebhookActionNameComputed { get; init; }

    /// <summary>webhook_sample_payload has _action and _id like the POSTs (18.0, 19.0) rather than 17.0's _name.</summary>
    public bool SamplePayloadAsPosts { get; init; }

    /// <summary>The API user may read the automation rule models (17.0); 18.0 and 19.0 answer "access" even to its write (03-h).</summary>
    public bool RuleModelsReadableByUser { get; init; }

    /// <summary>The group an AccessError on the rule models names.</summary>
    public required string AdministratorGroup { get; init; }

    /// <summary>res.users' Python class, as TypeErrors name it.</summary>
    public required string UsersClass { get; init; }

    /// <summary>The list view's name in view modes: "tree" up to 17.0, "list" from 18.0 on.</summary>
    public required string ListViewMode { get; init; }

    public override string ToString() => Name;
}
