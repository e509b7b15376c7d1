using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Tests.Infrastructure;

/// <summary>The app's error table as the app composes it (every part's rows), to see how a failure is answered without a server.</summary>
internal static class AppErrors
{
    private static readonly Lazy<ApiErrors> Table = new(() => AppContainer.Build(TestSettings.Minimal().Build()).GetRequiredService<ApiErrors>());

    public static ApiErrors Errors => Table.Value;

    /// <summary>How <paramref name="failure"/> is answered: status, code and message.</summary>
    public static (int Status, string Code, string Message) AnswerTo(Exception failure) =>
        Errors.Find(failure) is { } answer
            ? (answer.Status, answer.Envelope.Error.Code, answer.Envelope.Message)
            : throw new InvalidOperationException($"No row answers {failure.GetType().Name}.");
}
