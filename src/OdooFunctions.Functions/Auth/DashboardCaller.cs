namespace OdooFunctions.Functions.Auth;

/// <summary>The dashboard user behind a validated token.</summary>
public sealed record DashboardCaller(string Subject, IReadOnlySet<string> Roles)
{
    public bool HasAnyRole(IEnumerable<string> allowed) => allowed.Any(Roles.Contains);
}
