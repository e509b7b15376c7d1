namespace OdooFunctions.Doubles.Dashboard;

/// <summary>Wrong answers to <c>GET /orders</c> with HTTP 200, as a misconfigured proxy or a changed API gives them.</summary>
public enum DashboardGarbage
{
    /// <summary>An HTML page with <c>text/html</c>.</summary>
    HtmlPage,
    /// <summary>Cut-off JSON with <c>application/json</c>.</summary>
    TruncatedJson,
    /// <summary>Valid JSON without an orders array: <c>{"success":true,"data":{"orders":"soon"}}</c>.</summary>
    WrongShape,
    /// <summary>An order that carries <c>status</c> twice (<c>"pending"</c>, then <c>"completed"</c>): which one is meant?</summary>
    DuplicateKey,
}
