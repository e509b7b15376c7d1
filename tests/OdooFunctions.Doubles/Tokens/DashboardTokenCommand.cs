using System.Globalization;

namespace OdooFunctions.Doubles.Tokens;

/// <summary>
/// <c>token [--role Admin] [--subject local-dev] [--minutes 60] [--settings local.settings.json]</c>: prints a dashboard
/// token for local calls, signed with AUTH_JWT_SECRET from the environment or from local.settings.json (found where the
/// command was started, else at the repository root: <see cref="LocalSettingsFile"/>); says which on stderr.
/// </summary>
public static class DashboardTokenCommand
{
    public static int Run(string[] args)
    {
        var roles = new List<string>();
        var subject = "local-dev";
        var minutes = 60;
        string? settingsPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null: roles.Add(value); i++; break;
                case "--subject" when value is not null: subject = value; i++; break;
                case "--minutes" when int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m > 0: minutes = m; i++; break;
                case "--settings" when value is not null: settingsPath = value; i++; break;
                default:
                    Console.Error.WriteLine($"token: unknown or incomplete option '{args[i]}'");
                    return 2;
            }
        }

        var settings = LocalSettingsFile.Find(settingsPath);
        var secret = settings.Get("AUTH_JWT_SECRET");
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 32)
        {
            Console.Error.WriteLine(settings.Path is null
                ? $"token: AUTH_JWT_SECRET (at least 32 characters) is not set in the environment, and no {LocalSettingsFile.FileName} was found here or at the repository root."
                : $"token: AUTH_JWT_SECRET (at least 32 characters) is not set in the environment or in {settings.Path}.");
            return 1;
        }

        // On stderr, so that TOKEN=$(...) captures only the token.
        Console.Error.WriteLine(Environment.GetEnvironmentVariable("AUTH_JWT_SECRET") is { Length: > 0 }
            ? "token: signed with AUTH_JWT_SECRET from the environment"
            : $"token: signed with AUTH_JWT_SECRET from {settings.Path}");
        Console.WriteLine(DashboardTokenIssuer.Create(
            secret, subject, roles.Count > 0 ? roles : ["Admin"], DateTime.UtcNow.AddMinutes(minutes),
            issuer: settings.Get("AUTH_JWT_ISSUER"), audience: settings.Get("AUTH_JWT_AUDIENCE")?.Split(',')[0].Trim()));
        return 0;
    }
}
