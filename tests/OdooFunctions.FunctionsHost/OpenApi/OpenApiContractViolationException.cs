namespace OdooFunctions.FunctionsHost.OpenApi;

/// <summary>The app answered something its OpenAPI document does not allow. Not an <see cref="HttpRequestException"/>, so no test mistakes it for a network failure.</summary>
public sealed class OpenApiContractViolationException : Exception
{
    public OpenApiContractViolationException()
    {
    }

    public OpenApiContractViolationException(string message)
        : base(message)
    {
    }

    public OpenApiContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
