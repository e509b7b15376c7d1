using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Lets an HTTP call through only with a valid dashboard token, within the caller's rate limit, and with a role
/// that allows the access (GET/HEAD read; anything else writes). ASP.NET Core's own authentication middleware does
/// not run in the isolated worker, hence this.
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
        if (httpContext is null || AnonymousFunctions.Contains(context.FunctionDefinition.Name))
        {
            await next(context);
            return;
        }

        var refusal = await AuthorizeAsync(httpContext, context.CancellationToken);
        if (refusal is not null)
        {
            await refusal.WriteAsync(httpContext);
            return;
        }

        await next(context);
    }

    /// <summary>Null when the request may go on; otherwise the answer to send.</summary>
    public async Task<ApiResult?> AuthorizeAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        // Invalid tokens are counted against the client address, so that guessing costs the guesser. An address
        // that has used up its budget is refused before its token is looked at: a storm of bad tokens reads no
        // signing secret and fetches no metadata.
        var address = "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!rateLimiter.HasBudget(address, out var wait))
        {
            return Limited(wait);
        }

        var validation = await validator.ValidateAsync(httpContext.Request.Headers.Authorization.ToString(), cancellationToken);
        var partition = validation.Caller is { } known ? "sub:" + known.Subject : address;
        if (!rateLimiter.TryAcquire(partition, out var retryAfter))
        {
            return Limited(retryAfter);
        }

        if (validation.Caller is not { } caller)
        {
            LogRefused(logger, validation.Detail ?? validation.Failure ?? "no token");
            var unauthorized = ApiResponses.Error(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", validation.Failure ?? "Not authenticated.");
            unauthorized.Headers["WWW-Authenticate"] = "Bearer";
            return unauthorized;
        }

        var isRead = HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method);
        var allowed = isRead ? options.ReadRoles : options.WriteRoles;
        if (!caller.HasAnyRole(allowed))
        {
            return ApiResponses.Error(StatusCodes.Status403Forbidden, "FORBIDDEN",
                $"This {(isRead ? "read" : "change")} needs one of the roles: {string.Join(", ", allowed)}.");
        }

        httpContext.Items[CallerItemKey] = caller;
        return null;
    }

    private ApiResult Limited(TimeSpan retryAfter)
    {
        var limited = ApiResponses.Error(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"Too many requests: at most {options.RequestsPerMinute} a minute. Retry later.");
        limited.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return limited;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard token refused (401): {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
