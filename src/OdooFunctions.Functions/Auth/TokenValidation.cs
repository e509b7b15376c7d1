namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The outcome of checking a bearer token: a caller, or why there is none. <see cref="Failure"/> is safe to show
/// the caller; <see cref="Detail"/> is for the operator's log (it may name the configuration). Neither echoes the token.
/// </summary>
public sealed record TokenValidation(DashboardCaller? Caller, string? Failure, string? Detail = null)
{
    public static TokenValidation Valid(DashboardCaller caller) => new(caller, null);

    public static TokenValidation Invalid(string failure, string? detail = null) => new(null, failure, detail ?? failure);
}
