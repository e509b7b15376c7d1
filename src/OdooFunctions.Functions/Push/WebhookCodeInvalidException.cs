namespace OdooFunctions.Functions.Push;

/// <summary>The webhook's <c>code</c> is missing or not the secret (401). Not logged per call: strangers can send any number.</summary>
public sealed class WebhookCodeInvalidException() : Exception("The webhook code is missing or wrong.");
