namespace OdooFunctions.Odoo;

/// <summary>The error part of an Odoo answer, with the traceback (<c>debug</c>) left out.</summary>
/// <param name="Name">Odoo's exception name, e.g. <c>odoo.exceptions.ValidationError</c> (JSON-RPC <c>error.data.name</c>, JSON-2 <c>name</c>).</param>
/// <param name="Message">Odoo's message for the user.</param>
/// <param name="HttpStatus">The HTTP status of the answer (200 for JSON-RPC errors).</param>
public sealed record OdooError(string? Name, string? Message, int HttpStatus)
{
    /// <summary>The last part of <see cref="Name"/>: <c>ValidationError</c> for <c>odoo.exceptions.ValidationError</c>.</summary>
    public string? ShortName => Name is null ? null : Name[(Name.LastIndexOf('.') + 1)..];
}
