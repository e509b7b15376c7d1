
namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// An exception as Odoo raises it inside a call: its Python name (e.g. "builtins.ValueError") and message.
/// JSON-RPC reports it with HTTP 200; JSON-2 with the status that matches the exception class.
/// </summary>
internal sealed class OdooServerError(string name, string message, IReadOnlyList<object>? arguments = null) : Exception(message)
{
    public string Name { get; } = name;

    /// <summary>The exception's args as Python holds them (werkzeug exceptions add the status code).</summary>
    public IReadOnlyList<object> Arguments { get; } = arguments ?? [message];

    public int Json2Status => Name switch
    {
        "odoo.exceptions.AccessDenied" or "werkzeug.exceptions.Unauthorized" => 401,
        "odoo.exceptions.AccessError" => 403,
        "odoo.exceptions.MissingError" or "werkzeug.exceptions.NotFound" => 404,
        "odoo.exceptions.UserError" or "odoo.exceptions.ValidationError" or "werkzeug.exceptions.UnprocessableEntity" => 422,
        "werkzeug.exceptions.BadRequest" => 400,
        "odoo.exceptions.ConcurrencyError" => 409,
        _ => 500,
    };

    public static OdooServerError ValueError(string message) => new("builtins.ValueError", message);
    public static OdooServerError TypeError(string message) => new("builtins.TypeError", message);
    public static OdooServerError UserError(string message) => new("odoo.exceptions.UserError", message);
    public static OdooServerError AccessError(string message) => new("odoo.exceptions.AccessError", message);
    public static OdooServerError Werkzeug(string kind, string message, int status) => new($"werkzeug.exceptions.{kind}", message, [message, status]);

    /// <summary>A short, plausible traceback; the real one is cut to 300 characters in the recordings anyway.</summary>
    public string Debug(OdooVersion version) =>
        // 19.0 logs a failed login without a traceback (03-c).
        Name == "odoo.exceptions.AccessDenied" && !version.DebugSecondInErrors
            ? "odoo.exceptions.AccessDenied: Access Denied\n"
            : "Traceback (most recent call last):\n  File \"<ODOO_ROOT>/odoo/service/model.py\", line 188, in retrying\n    result = func()\n             ^^^^^^\n"
              + Name + ": " + Message + "\n";
}
