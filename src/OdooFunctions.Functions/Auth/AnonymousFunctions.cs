namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Functions that answer without a dashboard token: the documentation, and Odoo's webhook, which proves itself with
/// its own code instead (it queues a hint and reaches neither Odoo nor the dashboard).
/// </summary>
public static class AnonymousFunctions
{
    public const string OpenApiDocument = "OpenApiDocument";

    public static bool Contains(string functionName) => functionName is OpenApiDocument or Push.OdooWebhookFunctions.FunctionName;
}
