namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The shortest shared secret each HMAC algorithm accepts (RFC 7518 §3.2: at least the hash's size). Checked by
/// the app itself so that a short key is named as such, instead of the token library's opaque IDX10720.
/// </summary>
public static class SigningKeySizes
{
    /// <summary>Minimum key bytes for <paramref name="algorithm"/> (<c>HS256</c>, <c>HS384</c>, <c>HS512</c>); 0 for others.</summary>
    public static int MinimumBytes(string? algorithm) => algorithm switch
    {
        "HS256" => 32,
        "HS384" => 48,
        "HS512" => 64,
        _ => 0,
    };
}
