namespace OdooFunctions.Doubles.Odoo;

/// <summary>A failure the double can inject in place of a normal answer.</summary>
public enum OdooFault
{
    /// <summary>HTTP 500 with werkzeug's HTML "Internal Server Error" page.</summary>
    Status500,
    /// <summary>HTTP 502 with a reverse proxy's HTML page.</summary>
    Status502,
    /// <summary>HTTP 503 with a reverse proxy's HTML page.</summary>
    Status503,
    /// <summary>HTTP 504 with a reverse proxy's HTML page.</summary>
    Status504,
    /// <summary>HTTP 200 with an HTML page instead of JSON (a proxy login or maintenance page).</summary>
    HtmlPage,
    /// <summary>The TCP connection is aborted without an answer.</summary>
    DropConnection,
    /// <summary>No answer until the client gives up (or the server stops).</summary>
    Hang,
    /// <summary>
    /// The call runs normally and its effect stays in the store, as a committed Odoo transaction; then the TCP
    /// connection is aborted without any answer. The client cannot tell whether the call happened, so a blind
    /// retry of a create makes a second record: this is the fault to test idempotent writes with.
    /// </summary>
    DropAfterCommit,
    /// <summary>
    /// The AccessError real Odoo 19.0 raised for the API user (no accounting group) on a partial
    /// <c>button_mark_done</c> that makes a backorder: mrp_account reads stock.move.analytic_account_line_ids while
    /// the split renames the order. The call runs, its changes are rolled back as Odoo rolls back the transaction,
    /// and the error is answered as the double answers every AccessError (JSON-RPC error envelope with HTTP 200,
    /// JSON-2 403). The text is 19.0's on every version (17.0 and 18.0 made the backorder for the same user). The
    /// double also refuses by itself, on 19.0, an API user without accounting rights
    /// (<see cref="OdooDoubleOptions.ApiUserReadsAnalyticLines"/> false).
    /// </summary>
    AnalyticAccessError,
    /// <summary>
    /// <c>button_mark_done</c> answers the "Consumption Warning" wizard action (mrp.consumption.warning), as a
    /// successful result, and changes nothing. Odoo asks this when the components consumed differ from the bill of
    /// materials, and so does the double from its moves; this fault asks it whatever the moves say (its line is the
    /// recorded one: Shaft Seal Kit, 10 expected, 11 consumed). A call whose context has <c>skip_consumption</c> true
    /// (how the wizard confirms) is not warned and runs normally. Only <c>button_mark_done</c> calls take this fault.
    /// </summary>
    ConsumptionWarning,
}
