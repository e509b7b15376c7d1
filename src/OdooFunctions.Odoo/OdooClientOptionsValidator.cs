using Microsoft.Extensions.Options;

namespace OdooFunctions.Odoo;

/// <summary>Checks the settings at start-up so that a bad one fails the host with one clear message.</summary>
internal sealed class OdooClientOptionsValidator : IValidateOptions<OdooClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OdooClientOptions options)
    {
        List<string>? failures = null;
        void Fail(string message) => (failures ??= []).Add(message);

        if (options.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Fail("The Odoo URL (ODOO_URL) must be an absolute http:// or https:// address.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            Fail("The Odoo database (ODOO_DB) is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            Fail("The Odoo username (ODOO_USERNAME) is empty.");
        }

        if (!Enum.IsDefined(options.Protocol))
        {
            Fail("The Odoo protocol (ODOO_PROTOCOL) must be auto, jsonrpc or json2.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout < options.AttemptTimeout)
        {
            Fail("The Odoo timeouts must be positive, and the total timeout at least the attempt timeout.");
        }

        if (options.MaxReadRetries < 0 || options.RetryBaseDelay < TimeSpan.Zero)
        {
            Fail("The Odoo retry settings must not be negative.");
        }

        if (options.MaxConcurrentCalls < 1 || options.MaxQueueWait < TimeSpan.Zero)
        {
            Fail("The Odoo call bound (ODOO_MAX_CONCURRENT_CALLS) must be at least 1, and its wait not negative.");
        }

        if (options.MaxResponseBytes is <= 0 or > int.MaxValue)
        {
            Fail("The Odoo answer size cap (MAX_RESPONSE_MB) must be from 1 byte to 2 GB.");
        }

        if (options.RenewalInterval < TimeSpan.Zero)
        {
            Fail("The Odoo renewal interval must not be negative.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
