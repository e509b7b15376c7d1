using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Cli;
using OdooFunctions.Cli.OpenApi;
using OdooFunctions.Cli.Webhooks;
using OdooFunctions.Functions;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Contract;

// `odoofunctions <command> [--settings local.settings.json]`, the app's own parts composed as the worker composes them:
//   sync                    runs the order-status sync once and prints its record (exit 0 unless the run failed)
//   check-token [TOKEN]     validates a dashboard token (argument, or $TOKEN) as the app's middleware does
//                           (exit 0 when the app would let it read)
//   webhook install|status|uninstall   Odoo's push rule, for an Odoo administrator (see WebhookCommand)
//   openapi [--out FILE]    prints (or writes) the OpenAPI document the app serves at /api/openapi.json
var command = args.FirstOrDefault();
if (command == "openapi")
{
    return OpenApiCommand.Run([.. args.Skip(1)], Console.Out, Console.Error);
}

if (command == "webhook")
{
    var rest = args.Skip(1).ToList();
    var at = rest.IndexOf("--settings");
    string? given = null;
    if (at >= 0 && at + 1 < rest.Count)
    {
        given = rest[at + 1];
        rest.RemoveRange(at, 2);
    }

    return await WebhookCommand.RunAsync(rest, LocalSettings.Load(LocalSettings.PathFrom(given)), Console.Out, Console.Error);
}

string? settingsPath = null;
string? token = null;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--settings" && i + 1 < args.Length)
    {
        settingsPath = args[++i];
    }
    else if (command == "check-token" && token is null && !args[i].StartsWith("--", StringComparison.Ordinal))
    {
        token = args[i];
    }
    else
    {
        Console.Error.WriteLine($"odoofunctions: unknown option '{args[i]}'");
        return 2;
    }
}

if (command is not ("sync" or "check-token"))
{
    Console.Error.WriteLine("usage: odoofunctions sync [--settings local.settings.json]\n       odoofunctions check-token [TOKEN] [--settings local.settings.json]\n       odoofunctions webhook install|status|uninstall ... (odoofunctions webhook for help)\n       odoofunctions openapi [--out FILE]");
    return 2;
}

var path = LocalSettings.PathFrom(settingsPath);
var configuration = LocalSettings.Load(path);
var services = new ServiceCollection()
    .AddSingleton(configuration)
    .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
if (command == "check-token")
{
    // Only what the middleware uses to validate a token: it needs no Odoo settings.
    services.AddDashboardAuth(configuration).AddSecrets(configuration);
}
else
{
    services.AddOdooFunctions(configuration);
}

await using var provider = services.BuildServiceProvider();
try
{
    // What the app does at start: every part's settings checked, all problems in one message.
    provider.CheckSettings();
}
catch (InvalidSettingsException invalid)
{
    Console.Error.WriteLine($"odoofunctions: the settings ({path} and the environment) are not usable:\n{invalid.Message}");
    return 1;
}

if (command == "check-token")
{
    token ??= Environment.GetEnvironmentVariable("TOKEN");
    if (string.IsNullOrWhiteSpace(token))
    {
        Console.Error.WriteLine("odoofunctions: no token given (pass it, or set TOKEN).");
        return 2;
    }

    var validation = await provider.GetRequiredService<DashboardTokenValidator>().ValidateAsync("Bearer " + token.Trim(), CancellationToken.None);
    if (validation.Caller is not { } caller)
    {
        Console.Error.WriteLine($"Token refused: {validation.Failure}");
        return 1;
    }

    var auth = provider.GetRequiredService<DashboardAuthOptions>();
    var canRead = caller.HasAnyRole(auth.ReadRoles);
    Console.WriteLine($"Token {(canRead ? "accepted" : "valid, but its roles are refused (403)")}: subject {caller.Subject}, roles {string.Join(", ", caller.Roles)}; "
        + $"read {(canRead ? "allowed" : "refused")}, write {(caller.HasAnyRole(auth.WriteRoles) ? "allowed" : "refused")}.");
    return canRead ? 0 : 1;
}

SyncRun? run;
try
{
    run = await provider.GetRequiredService<StatusSync>().TryRunAsync(SyncTrigger.Manual);
}
catch (StorageUnavailableException unavailable)
{
    // The sync's lease lives in storage: without it no run starts (locally, is Azurite running?).
    Console.Error.WriteLine($"odoofunctions: {unavailable.Message} Locally: start Azurite (npm run azurite).");
    return 1;
}

if (run is null)
{
    Console.Error.WriteLine("odoofunctions: a sync is already running.");
    return 1;
}

Console.WriteLine(JsonSerializer.Serialize(run, SyncJsonContext.Default.SyncRun));
return run.Outcome == SyncOutcome.Failed ? 1 : 0;
