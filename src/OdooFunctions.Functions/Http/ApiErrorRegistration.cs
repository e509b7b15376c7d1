using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Http;

/// <summary>How a part adds the rows of its own failures to the one error table, in its <c>AddXxx</c>.</summary>
public static class ApiErrorRegistration
{
    /// <summary>
    /// <typeparamref name="T"/> is answered <paramref name="status"/> with <paramref name="code"/> and the message it
    /// gives; <paramref name="shape"/> may add to the envelope or the answer (extras, headers).
    /// </summary>
    public static IServiceCollection AddErrorAnswer<T>(
        this IServiceCollection services, int status, string code, Func<T, string> message,
        Func<T, ApiErrorAnswer, ApiErrorAnswer>? shape = null, Func<T, bool>? when = null) where T : Exception =>
        services.AddErrorAnswer<T>((failure, _) =>
        {
            var answer = new ApiErrorAnswer(status, new ErrorEnvelope(message(failure), new ApiError(code)));
            return shape?.Invoke(failure, answer) ?? answer;
        }, when);

    /// <summary><typeparamref name="T"/> is answered as <paramref name="answer"/> says (with the table, for a failure that wraps another).</summary>
    public static IServiceCollection AddErrorAnswer<T>(
        this IServiceCollection services, Func<T, ApiErrors, ApiErrorAnswer> answer, Func<T, bool>? when = null) where T : Exception
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => new ApiErrors(provider.GetServices<ApiErrorRow>()));
        services.AddSingleton(new ApiErrorRow(typeof(T), (failure, table) => answer((T)failure, table), when is null ? null : failure => when((T)failure)));
        return services;
    }
}
