using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Http;

/// <summary>
/// Writes every error envelope of an HTTP function, the auth's refusals and the webhook's included: each failure is
/// answered by its row of the one table (<see cref="ApiErrors"/>). Timer and queue runs are left alone.
/// </summary>
public sealed partial class ApiErrorMiddleware(ApiErrors errors, ILogger<ApiErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } httpContext)
        {
            var failure = Unwrap(exception);
            var answer = errors.Find(failure);
            if (answer is null)
            {
                LogUnexpected(logger, failure, context.FunctionDefinition.Name);
                answer = ApiErrors.Unexpected;
            }
            else if (answer.Logged)
            {
                // Exception type and message only: messages built by the app and the Odoo client never hold secrets.
                LogRefused(logger, context.FunctionDefinition.Name, answer.Status, failure.GetType().Name, failure.Message);
            }

            if (!httpContext.Response.HasStarted)
            {
                await ApiErrors.ToResult(answer).WriteAsync(httpContext);
            }
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0])
        : exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner)
        : exception;

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} answered {Status}: {ExceptionType}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string function, int status, string exceptionType, string reason);
}
