namespace OdooFunctions.Functions.ApiReference;

/// <summary>A file the reference page does not have was asked for.</summary>
public sealed class ApiReferenceFileNotFoundException() : Exception("The API reference page has no such file.");
