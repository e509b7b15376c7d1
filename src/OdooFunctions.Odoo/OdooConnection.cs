namespace OdooFunctions.Odoo;

/// <summary>What a successful connection check found.</summary>
/// <param name="Uid">The API user's id.</param>
/// <param name="Protocol">The protocol in use (never <see cref="OdooProtocol.Auto"/>).</param>
/// <param name="Version">The server version.</param>
public sealed record OdooConnection(long Uid, OdooProtocol Protocol, OdooServerVersion Version);
