namespace OdooFunctions.Functions.Secrets;

/// <summary>Why a secret could not be read.</summary>
public enum SecretUnavailableReason
{
    /// <summary>No vault is configured and the app setting is not set.</summary>
    NotConfigured,

    /// <summary>The vault has no such secret (404).</summary>
    NotFound,

    /// <summary>The app's identity could not get a token, or the vault refused it (401/403).</summary>
    AccessDenied,

    /// <summary>The vault could not be reached: connection refused or dropped, DNS, timeout.</summary>
    VaultUnreachable,

    /// <summary>The vault answered with another error (throttling, 5xx after retries).</summary>
    VaultError,

    /// <summary>The secret exists but its value is empty.</summary>
    Empty,
}
