using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Http;

/// <summary>Turns every failure of an HTTP function into the envelope (<see cref="ApiErrorMap"/>). Timer runs are left alone.</summary>
public sealed partial class ApiErrorMiddleware(ILogger<ApiErrorMiddleware> logger) : IFunctionsWorkerMiddleware
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
            var result = ApiErrorMap.TryMap(failure);
            if (result is null)
            {
                LogUnexpected(logger, failure, context.FunctionDefinition.Name);
                result = ApiErrorMap.Unexpected();
            }
            else
            {
                // Exception type and message only: messages built by the app and the Odoo client never hold secrets.
                LogRefused(logger, context.FunctionDefinition.Name, result.StatusCode, failure.GetType().Name, failure.Message);
            }

            if (!httpContext.Response.HasStarted)
            {
                await result.WriteAsync(httpContext);
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
