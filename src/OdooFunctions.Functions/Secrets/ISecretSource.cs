namespace OdooFunctions.Functions.Secrets;

/// <summary>Reads the current value of a secret from where it is kept, without caching.</summary>
public interface ISecretSource
{
    /// <summary>Where secrets come from, for messages and logs (a vault URI or "app settings"); never a value.</summary>
    string Description { get; }

    /// <exception cref="SecretUnavailableException">The secret is missing, access is denied, or its store cannot be reached.</exception>
    ValueTask<string> GetSecretAsync(SecretReference secret, CancellationToken cancellationToken = default);
}
