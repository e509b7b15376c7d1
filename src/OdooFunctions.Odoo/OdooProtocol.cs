namespace OdooFunctions.Odoo;

/// <summary>The wire protocol used to talk to Odoo.</summary>
public enum OdooProtocol
{
    /// <summary>Ask the server its version once and use JSON-2 from Odoo 19 on, JSON-RPC before.</summary>
    Auto,

    /// <summary><c>POST /jsonrpc</c> with <c>common.authenticate</c> and <c>object.execute_kw</c> (Odoo 8 to 21).</summary>
    JsonRpc,

    /// <summary><c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with a bearer API key (Odoo 19 and later).</summary>
    Json2,
}
