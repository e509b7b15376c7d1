using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo;

/// <summary>The version an Odoo server reports (<c>common.version</c> or <c>GET /json/version</c>).</summary>
/// <param name="ServerVersion">As the server wrote it: <c>19.0</c>, <c>17.0-20240709</c>, <c>saas~18.4+e</c>.</param>
/// <param name="Major">19 for <c>19.0</c>, 18 for <c>saas~18.4+e</c>.</param>
/// <param name="Minor">0 for <c>19.0</c>, 4 for <c>saas~18.4+e</c>.</param>
/// <param name="Raw">The whole version object the server sent, for callers that pass it on.</param>
public sealed partial record OdooServerVersion(string ServerVersion, int Major, int Minor, JsonObject Raw)
{
    /// <summary>The row of the release table this server runs: what differs between Odoo releases.</summary>
    public OdooRelease Release => OdooRelease.For(Major);

    /// <summary>JSON-2 exists from Odoo 19 on.</summary>
    public bool HasJson2 => Release.HasJson2;

    /// <summary>Parses a <c>server_version</c> string such as <c>19.0</c>, <c>17.0-20240709</c> or <c>saas~18.4+e</c>.</summary>
    public static OdooServerVersion Parse(string serverVersion, JsonObject? raw = null)
    {
        ArgumentNullException.ThrowIfNull(serverVersion);
        var match = VersionPattern().Match(serverVersion);
        if (!match.Success)
        {
            throw new FormatException($"'{serverVersion}' is not an Odoo server version.");
        }

        return new OdooServerVersion(
            serverVersion,
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            match.Groups["minor"].Success ? int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0,
            raw ?? new JsonObject { ["server_version"] = serverVersion });
    }

    public override string ToString() => ServerVersion;

    [GeneratedRegex(@"^(?:saas~)?(?<major>\d+)(?:\.(?<minor>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
