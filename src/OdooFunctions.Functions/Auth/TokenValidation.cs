namespace OdooFunctions.Functions.Auth;

/// <summary>The outcome of checking a bearer token: a caller, or why there is none (safe to show; never echoes the token).</summary>
public sealed record TokenValidation(DashboardCaller? Caller, string? Failure)
{
    public static TokenValidation Valid(DashboardCaller caller) => new(caller, null);

    public static TokenValidation Invalid(string failure) => new(null, failure);
}
