namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// A secret the app needs could not be read. The message names the secret and where it was looked for,
/// never a value. The HTTP layer answers 503: the app is misconfigured or the vault is down, not the caller's fault.
/// </summary>
public sealed class SecretUnavailableException : Exception
{
    public SecretUnavailableException()
        : this("A secret could not be read.")
    {
    }

    public SecretUnavailableException(string message)
        : this(message, null)
    {
    }

    public SecretUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
        SecretName = "";
        SecretSource = "";
    }

    public SecretUnavailableException(
        string secretName, string source, SecretUnavailableReason reason, string detail, int? status = null, Exception? innerException = null)
        : base($"Secret '{secretName}' could not be read from {source}: {detail}", innerException)
    {
        SecretName = secretName;
        SecretSource = source;
        Reason = reason;
        Status = status;
    }

    /// <summary>The Key Vault secret name (or the setting name when no vault is configured).</summary>
    public string SecretName { get; }

    /// <summary>Where it was looked for: <c>Key Vault 'https://…/'</c> or <c>app setting 'ODOO_API_KEY'</c>.</summary>
    public string SecretSource { get; }

    public SecretUnavailableReason Reason { get; }

    /// <summary>The vault's HTTP status when it answered, else null.</summary>
    public int? Status { get; }
}
