using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Odoo;

namespace OdooFunctions.Cli.Webhooks;

/// <summary>
/// <c>odoofunctions webhook install --url https://APP.azurewebsites.net [--dry-run]</c>, <c>webhook status</c>,
/// <c>webhook uninstall [--dry-run]</c>: sets up Odoo's push for an Odoo administrator. Reads <c>ODOO_URL</c>,
/// <c>ODOO_DB</c>, <c>ODOO_PROTOCOL</c> (as the app), <c>ODOO_ADMIN_USERNAME</c> (default <c>admin</c>),
/// <c>ODOO_ADMIN_API_KEY</c> and, to install, <c>ODOO_WEBHOOK_SECRET</c>. Prints neither key nor code.
/// </summary>
public static partial class WebhookCommand
{
    public const string Usage =
        "usage: odoofunctions webhook install --url https://<app>.azurewebsites.net [--dry-run]\n"
        + "       odoofunctions webhook status\n"
        + "       odoofunctions webhook uninstall [--dry-run]\n"
        + "settings (environment or local.settings.json): ODOO_URL, ODOO_DB, ODOO_ADMIN_USERNAME (default admin), ODOO_ADMIN_API_KEY, ODOO_WEBHOOK_SECRET (install)";

    public const string ReceiverPath = "api/odoo/webhooks/mrp-production";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var verb = args.Count > 0 ? args[0] : null;
        string? appUrl = null;
        var dryRun = false;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--url" && i + 1 < args.Count)
            {
                appUrl = args[++i];
            }
            else if (args[i] == "--dry-run")
            {
                dryRun = true;
            }
            else
            {
                await errors.WriteLineAsync($"odoofunctions webhook: unknown option '{args[i]}'\n{Usage}");
                return 2;
            }
        }

        if (verb is not ("install" or "status" or "uninstall") || (verb == "install" && appUrl is null))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var problems = new List<string>();
        Uri? odooUrl = Uri.TryCreate(configuration["ODOO_URL"], UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        if (odooUrl is null)
        {
            problems.Add("ODOO_URL must be the Odoo server's http(s) address.");
        }

        var database = configuration["ODOO_DB"];
        if (string.IsNullOrWhiteSpace(database))
        {
            problems.Add("ODOO_DB must name the Odoo database.");
        }

        var adminKey = configuration["ODOO_ADMIN_API_KEY"];
        if (string.IsNullOrWhiteSpace(adminKey))
        {
            problems.Add("ODOO_ADMIN_API_KEY must hold an API key of an Odoo administrator (the API user may not create automation rules).");
        }

        Uri? webhookUrl = null;
        if (verb == "install")
        {
            var secret = configuration["ODOO_WEBHOOK_SECRET"];
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
            {
                problems.Add("ODOO_WEBHOOK_SECRET must be set (16 characters or more), to the same value the app has.");
            }
            else if (!Uri.TryCreate(appUrl, UriKind.Absolute, out var app) || app.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(app.Query))
            {
                problems.Add($"--url must be the app's base address, such as https://myapp.azurewebsites.net (got '{appUrl}').");
            }
            else
            {
                webhookUrl = new Uri(new Uri(app.AbsoluteUri.TrimEnd('/') + "/"), ReceiverPath + "?code=" + Uri.EscapeDataString(secret));
            }
        }

        var protocol = OdooProtocol.Auto;
        if (configuration["ODOO_PROTOCOL"] is { Length: > 0 } protocolText && !Enum.TryParse(protocolText.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out protocol))
        {
            problems.Add("ODOO_PROTOCOL must be auto, json2 or jsonrpc.");
        }

        if (problems.Count > 0)
        {
            await errors.WriteLineAsync("odoofunctions webhook: " + string.Join("\n  ", problems));
            return 2;
        }

        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider(adminKey!));
        services.AddOdooClient(options =>
        {
            options.Url = odooUrl;
            options.Database = database!;
            options.Username = configuration["ODOO_ADMIN_USERNAME"] is { Length: > 0 } login ? login : "admin";
            options.Protocol = protocol;
        });
        await using var provider = services.BuildServiceProvider();
        var installer = new WebhookRuleInstaller(provider.GetRequiredService<OdooClient>());
        try
        {
            return verb switch
            {
                "install" => await InstallAsync(installer, webhookUrl!, dryRun, output, cancellationToken),
                "status" => await StatusAsync(installer, output, cancellationToken),
                _ => await UninstallAsync(installer, dryRun, output, cancellationToken),
            };
        }
        catch (UnsupportedOdooVersionException e)
        {
            await errors.WriteLineAsync("odoofunctions webhook: " + e.Message);
            return 3;
        }
        catch (OdooAccessException e)
        {
            await errors.WriteLineAsync($"odoofunctions webhook: Odoo refused ({e.Message.Split('\n')[0]}). The rule needs an administrator's API key in ODOO_ADMIN_API_KEY.");
            return 1;
        }
        catch (OdooException e)
        {
            await errors.WriteLineAsync("odoofunctions webhook: Odoo: " + Mask(e.Message.Split('\n')[0]));
            return 1;
        }
    }

    private static async Task<int> InstallAsync(WebhookRuleInstaller installer, Uri webhookUrl, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            var steps = await installer.PlanAsync(webhookUrl, cancellationToken);
            await output.WriteLineAsync(steps.Count == 0 ? "Dry run: the rule is installed as wanted; nothing would be sent." : "Dry run: would send");
            foreach (var step in steps)
            {
                await output.WriteLineAsync($"  {step.Model}.{step.Method}({(step.Ids.Count > 0 ? "[" + string.Join(", ", step.Ids) + "], " : "")}{Mask(step.Values?.ToJsonString() ?? "")})  # {step.Why}");
            }

            return 0;
        }

        var status = await installer.InstallAsync(webhookUrl, cancellationToken);
        await output.WriteLineAsync("Installed.");
        await PrintAsync(status, output);
        return 0;
    }

    private static async Task<int> StatusAsync(WebhookRuleInstaller installer, TextWriter output, CancellationToken cancellationToken)
    {
        var status = await installer.StatusAsync(cancellationToken);
        if (status is null)
        {
            await output.WriteLineAsync($"No rule named \"{WebhookRuleInstaller.RuleName}\": Odoo does not push; the timer sync covers every change within one interval.");
            return 1;
        }

        await PrintAsync(status, output);
        return 0;
    }

    private static async Task<int> UninstallAsync(WebhookRuleInstaller installer, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            var status = await installer.StatusAsync(cancellationToken);
            await output.WriteLineAsync(status is null
                ? "Dry run: no rule to remove."
                : $"Dry run: would unlink base.automation [{status.RuleId}]{(status.ActionId is { } action ? $" and ir.actions.server [{action}]" : "")}.");
            return 0;
        }

        await output.WriteLineAsync(await installer.UninstallAsync(cancellationToken) ? "Uninstalled: Odoo no longer pushes; the timer sync goes on." : "No rule to remove.");
        return 0;
    }

    private static async Task PrintAsync(WebhookRuleStatus status, TextWriter output)
    {
        await output.WriteLineAsync($"  rule           base.automation {status.RuleId} \"{status.Name}\" ({(status.Active ? "active" : "ARCHIVED")})");
        await output.WriteLineAsync($"  trigger        {status.Trigger} of {string.Join(", ", status.TriggerFields)}");
        await output.WriteLineAsync($"  action         {(status.ActionId is { } id ? "ir.actions.server " + id : "NONE: nothing is sent")}");
        await output.WriteLineAsync($"  url            {Mask(status.Url ?? "-")}");
        await output.WriteLineAsync($"  fields         {string.Join(", ", status.WebhookFields)}");
    }

    /// <summary>The webhook code is the receiver's only proof of who calls: never shown.</summary>
    internal static string Mask(string text) => CodeValue().Replace(text, "code=***");

    [GeneratedRegex("code=[^&\"\\s]*")]
    private static partial Regex CodeValue();
}
