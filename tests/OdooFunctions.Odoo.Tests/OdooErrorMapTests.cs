using OdooFunctions.Odoo.Wire;

namespace OdooFunctions.Odoo.Tests;

/// <summary>The mapping table, including the rows the double cannot produce (missing records, locks).</summary>
public sealed class OdooErrorMapTests
{
    private static readonly OdooCall Call = OdooCall.Action("mrp.production", "write", [13], null, retryable: false);

    [Theory]
    [InlineData("odoo.exceptions.AccessDenied", "Access Denied", 200, typeof(OdooAuthenticationException))]
    [InlineData("werkzeug.exceptions.Unauthorized", "Invalid apikey", 401, typeof(OdooAuthenticationException))]
    [InlineData("odoo.exceptions.AccessError", "You are not allowed", 403, typeof(OdooAccessException))]
    [InlineData("odoo.exceptions.MissingError", "Record does not exist or has been deleted.", 200, typeof(OdooMissingRecordException))]
    [InlineData("odoo.exceptions.UserError", "Object x.nonexistent.model doesn't exist", 200, typeof(OdooNotFoundException))]
    [InlineData("werkzeug.exceptions.NotFound", "the model 'x' does not exist", 404, typeof(OdooNotFoundException))]
    [InlineData("builtins.AttributeError", "type object has no attribute", 200, typeof(OdooNotFoundException))]
    [InlineData("odoo.exceptions.UserError", "You cannot cancel a manufacturing order that is already done.", 422, typeof(OdooValidationException))]
    [InlineData("odoo.exceptions.ValidationError", "The field 'Product' is required", 200, typeof(OdooValidationException))]
    [InlineData("werkzeug.exceptions.UnprocessableEntity", "missing a required argument: 'domain'", 422, typeof(OdooValidationException))]
    [InlineData("odoo.exceptions.LockError", "Cannot lock", 200, typeof(OdooConflictException))]
    [InlineData("psycopg2.errors.SerializationFailure", "could not serialize access", 200, typeof(OdooConflictException))]
    [InlineData("builtins.ValueError", "Invalid field 'mobile' on 'res.partner'", 500, typeof(OdooServerException))]
    [InlineData("builtins.TypeError", "missing 2 required positional arguments", 200, typeof(OdooServerException))]
    [InlineData("psycopg2.OperationalError", "database \"no_such_db\" does not exist", 200, typeof(OdooServerException))]
    [InlineData(null, null, 409, typeof(OdooConflictException))]
    [InlineData(null, null, 422, typeof(OdooValidationException))]
    [InlineData("some.unknown.Error", "boom", 200, typeof(OdooServerException))]
    public void Maps_Odoo_errors_by_name_then_status(string? name, string? message, int status, Type expected)
    {
        var error = OdooErrorMap.FromOdooError(new OdooErrorBody { Name = name, Message = message }, status, Call, apiKey: "secret-key");

        Assert.IsType(expected, error);
        Assert.Equal(name, error.Error!.Name);
        Assert.Equal(status, error.Error.HttpStatus);
        Assert.Equal("mrp.production", error.Model);
        Assert.Equal("write", error.Method);
    }

    [Theory]
    [InlineData(404, typeof(OdooUnexpectedResponseException))]
    [InlineData(200, typeof(OdooUnexpectedResponseException))]
    [InlineData(500, typeof(OdooServerException))]
    [InlineData(502, typeof(OdooUnavailableException))]
    [InlineData(503, typeof(OdooUnavailableException))]
    [InlineData(504, typeof(OdooUnavailableException))]
    public void Maps_answers_without_Odoo_JSON_by_status(int status, Type expected) =>
        Assert.IsType(expected, OdooErrorMap.FromStatus(status, "text/html; charset=utf-8", Call));

    [Fact]
    public void Never_repeats_a_key_that_Odoo_echoes()
    {
        var error = OdooErrorMap.FromOdooError(
            new OdooErrorBody { Name = "odoo.exceptions.AccessDenied", Message = "bad key secret-key-123" }, 200, Call, "secret-key-123");

        Assert.DoesNotContain("secret-key-123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", error.Error!.Message!, StringComparison.Ordinal);
    }
}
