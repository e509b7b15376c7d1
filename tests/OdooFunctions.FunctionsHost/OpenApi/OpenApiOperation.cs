namespace OdooFunctions.FunctionsHost.OpenApi;

/// <summary>One operation of the document: its path template, method and operationId.</summary>
public sealed record OpenApiOperation(string Path, string Method, string? OperationId)
{
    public override string ToString() => $"{OperationId ?? "(no operationId)"} ({Method.ToUpperInvariant()} {Path})";
}
