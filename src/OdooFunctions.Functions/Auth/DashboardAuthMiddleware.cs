using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Lets an HTTP call through only with a valid dashboard token, within the caller's rate limit, and with a role
/// that allows the access (GET/HEAD read; anything else writes). ASP.NET Core's own authentication middleware does
/// not run in the isolated worker, hence this.
/// </summary>
public sealed class DashboardAuthMiddleware(
    DashboardTokenValidator validator,
    CallerRateLimiter rateLimiter,
    DashboardAuthOptions options) : IFunctionsWorkerMiddleware
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
        var validation = await validator.ValidateAsync(httpContext.Request.Headers.Authorization.ToString(), cancellationToken);

        // Invalid tokens are counted against the client address, so that guessing costs the guesser.
        var partition = validation.Caller is { } known
            ? "sub:" + known.Subject
            : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!rateLimiter.TryAcquire(partition, out var retryAfter))
        {
            var limited = ApiResponses.Error(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
                $"Too many requests: at most {options.RequestsPerMinute} a minute. Retry later.");
            limited.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return limited;
        }

        if (validation.Caller is not { } caller)
        {
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
}
