namespace OdooFunctions.Functions.Auth;

/// <summary>Functions that answer without a dashboard token (documentation only; nothing that reaches Odoo).</summary>
public static class AnonymousFunctions
{
    public const string OpenApiDocument = "OpenApiDocument";

    public static bool Contains(string functionName) => functionName == OpenApiDocument;
}
