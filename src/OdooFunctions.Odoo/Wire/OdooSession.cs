namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// What a login produced and every later call reuses: the protocol, the key and (JSON-RPC) the uid.
/// Immutable; a key rotation replaces the whole session.
/// </summary>
internal sealed class OdooSession
{
    public OdooSession(OdooProtocol protocol, string apiKey, long uid)
    {
        Protocol = protocol;
        ApiKey = apiKey;
        Uid = uid;
        BearerHeader = "bearer " + apiKey;
    }

    public OdooProtocol Protocol { get; }

    public string ApiKey { get; }

    /// <summary>The JSON-RPC uid; 0 on JSON-2, which needs none.</summary>
    public long Uid { get; }

    /// <summary>The <c>Authorization</c> value, built once rather than per call.</summary>
    public string BearerHeader { get; }

    public override string ToString() => $"OdooSession {{ Protocol = {Protocol}, Uid = {Uid} }}";
}
