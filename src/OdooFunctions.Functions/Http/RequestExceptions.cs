namespace OdooFunctions.Functions.Http;

/// <summary>A request the app cannot read as asked: a field, parameter or header out of bounds. The message names it.</summary>
public sealed class InvalidRequestException(string message) : Exception(message);

/// <summary>The request body is not well-formed JSON.</summary>
public sealed class InvalidJsonBodyException() : Exception("The request body is not valid JSON.");

/// <summary>The request body has a key twice: refused rather than letting one of the values win silently.</summary>
public sealed class DuplicateKeyException(string key) : Exception($"The request body has the key '{key}' more than once; send each field once.")
{
    public string Key { get; } = key;
}

/// <summary>The request body is larger than the function reads.</summary>
public sealed class RequestTooLargeException(string message) : Exception(message);
