using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Contract;

/// <summary>What <c>/api/odoo/test</c> found: the login's user id, the protocol in use and the server's version.</summary>
public sealed record ConnectionTest(
    [property: AllowedValues(true)] bool Connected,
    [property: Description("The Odoo API user's id.")] long Uid,
    [property: AllowedValues("json2", "jsonrpc"), Description("json2 on Odoo 19+, jsonrpc before (ODOO_PROTOCOL).")] string Protocol,
    [property: Description("As the server reports it, e.g. 19.0 or 17.0-20240709.")] string ServerVersion);
