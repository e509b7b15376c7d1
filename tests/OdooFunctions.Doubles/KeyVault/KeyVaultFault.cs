namespace OdooFunctions.Doubles.KeyVault;

/// <summary>A failure the Key Vault double can inject into its next secret requests.</summary>
public enum KeyVaultFault
{
    /// <summary>HTTP 503 with Key Vault's error body (throttled or degraded service).</summary>
    ServiceUnavailable,

    /// <summary>The connection is closed without an answer.</summary>
    DropConnection,
}
