using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Contract;

/// <summary>The guide's <c>/api/odoo/version</c> object, whichever endpoint the client asked (JSON-RPC <c>common.version</c> or JSON-2 <c>/json/version</c>).</summary>
public sealed record VersionInfo(
    [property: Description("As the server reports it: 19.0, 17.0-20240709, saas~18.4+e.")] string ServerVersion,
    [property: JsonConverter(typeof(VersionInfoConverter)), Description("[major, minor, micro, release level, serial, suffix], e.g. [19, 0, 0, \"final\", 0, \"\"].")] IReadOnlyList<object> ServerVersionInfo,
    [property: Description("The release series, e.g. 19.0.")] string ServerSerie,
    long ProtocolVersion);
