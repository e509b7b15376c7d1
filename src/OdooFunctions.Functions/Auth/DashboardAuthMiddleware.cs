using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Lets an HTTP call through only with a valid dashboard token, within the caller's rate limit, and with a role
/// that allows the access (GET/HEAD read; anything else writes). ASP.NET Core's own authentication middleware does
/// not run in the isolated worker, hence this. A refusal is thrown and answered by the error middleware, which runs first.
/// </summary>
public sealed partial class DashboardAuthMiddleware(
    DashboardTokenValidator validator,
    CallerRateLimiter rateLimiter,
    DashboardAuthOptions options,
    ILogger<DashboardAuthMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string CallerItemKey = "DashboardCaller";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is not null && !AnonymousFunctions.Contains(context.FunctionDefinition.Name))
        {
            httpContext.Items[CallerItemKey] = await AuthorizeAsync(httpContext, context.CancellationToken);
        }

        await next(context);
    }

    /// <summary>The caller, when the request may go on; otherwise the refusal (answered by the error middleware).</summary>
    public async Task<DashboardCaller> AuthorizeAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        // Invalid tokens are counted against the client address, so that guessing costs the guesser. An address
        // that has used up its budget is refused before its token is looked at: a storm of bad tokens reads no
        // signing secret and fetches no metadata.
        var address = "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!rateLimiter.HasBudget(address, out var wait))
        {
            throw new RateLimitedException(options.RequestsPerMinute, wait);
        }

        var validation = await validator.ValidateAsync(httpContext.Request.Headers.Authorization.ToString(), cancellationToken);
        var partition = validation.Caller is { } known ? "sub:" + known.Subject : address;
        if (!rateLimiter.TryAcquire(partition, out var retryAfter))
        {
            throw new RateLimitedException(options.RequestsPerMinute, retryAfter);
        }

        if (validation.Caller is not { } caller)
        {
            LogRefused(logger, validation.Detail ?? validation.Failure ?? "no token");
            throw new TokenRefusedException(validation.Failure ?? "Not authenticated.");
        }

        var isRead = HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method);
        var allowed = isRead ? options.ReadRoles : options.WriteRoles;
        if (!caller.HasAnyRole(allowed))
        {
            throw new RoleNotAllowedException($"This {(isRead ? "read" : "change")} needs one of the roles: {string.Join(", ", allowed)}.");
        }

        return caller;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard token refused (401): {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
