namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Functions that answer without a dashboard token: the documentation (the OpenAPI document and its reference page with
/// the page's files), and Odoo's webhook, which proves itself with its own code instead (it queues a hint and reaches
/// neither Odoo nor the dashboard).
/// </summary>
public static class AnonymousFunctions
{
    public const string OpenApiDocument = "OpenApiDocument";

    public const string ApiReference = "ApiReference";

    public const string ApiReferenceAsset = "ApiReferenceAsset";

    public static bool Contains(string functionName) =>
        functionName is OpenApiDocument or ApiReference or ApiReferenceAsset or Push.OdooWebhookFunctions.FunctionName;
}
