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
}
