using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// <c>POST /api/odoo/webhooks/mrp-production?code=&lt;secret&gt;</c>: Odoo's automation rule calls it inside the user's
/// RPC and waits for it (up to 1 s), so it only checks the code and the body and queues the change: no Odoo call, no
/// dashboard call. Odoo signs nothing, so the secret rides in the URL (<c>ODOO_WEBHOOK_SECRET</c>, Key Vault
/// <c>odoo-webhook-secret</c>); the dashboard JWT does not apply here.
/// </summary>
public sealed class OdooWebhookFunctions(SecretStore secrets, MoChangeQueueClient queue, IOptions<PushOptions> options)
{
    public const string FunctionName = "ReceiveMoWebhook";
    private const int MaxBodyBytes = 64 * 1024;

    [Function(FunctionName)]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "odoo/webhooks/mrp-production")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        // Not configured or unreadable: 503 SECRET_UNAVAILABLE (nothing can be told from a stranger's call then).
        var expected = await secrets.OdooWebhookSecret.GetValueAsync(cancellationToken);
        if (!CodeMatches(request, expected))
        {
            throw new WebhookCodeInvalidException();
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw new RequestTooLargeException($"A webhook body is at most {MaxBodyBytes / 1024} KB.");
        }

        var change = (await RequestReader.JsonBodyAsync(request, PushJsonContext.Default.OdooWebhookPayload, cancellationToken)).ToChange();

        await queue.SendAsync(change, options.Value.InitialDelay, cancellationToken);
        return ApiResponses.Item(new WebhookQueued(change.MoId), "Queued", StatusCodes.Status202Accepted);
    }

    /// <summary>One <c>code</c>, equal to the secret; compared in constant time over fixed-length hashes, so neither content nor length leaks.</summary>
    private static bool CodeMatches(HttpRequest request, string expected)
    {
        if (!request.Query.TryGetValue("code", out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
