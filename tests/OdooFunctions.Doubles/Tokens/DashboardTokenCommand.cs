using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Tokens;

/// <summary>
/// <c>token [--role Admin] [--subject local-dev] [--minutes 60] [--settings local.settings.json]</c>: prints a dashboard
/// token for local calls, signed with AUTH_JWT_SECRET from the environment or from local.settings.json.
/// </summary>
public static class DashboardTokenCommand
{
    public static int Run(string[] args)
    {
        var roles = new List<string>();
        var subject = "local-dev";
        var minutes = 60;
        var settingsPath = "local.settings.json";
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

        string? Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : File.Exists(settingsPath) ? JsonNode.Parse(File.ReadAllText(settingsPath))?["Values"]?[name]?.GetValue<string>() : null;

        var secret = Setting("AUTH_JWT_SECRET");
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 32)
        {
            Console.Error.WriteLine($"token: AUTH_JWT_SECRET (at least 32 characters) is not set in the environment or in {settingsPath}.");
            return 1;
        }

        Console.WriteLine(DashboardTokenIssuer.Create(
            secret, subject, roles.Count > 0 ? roles : ["Admin"], DateTime.UtcNow.AddMinutes(minutes),
            issuer: NullIfEmpty(Setting("AUTH_JWT_ISSUER")), audience: NullIfEmpty(Setting("AUTH_JWT_AUDIENCE"))));
        return 0;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
