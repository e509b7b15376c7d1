using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

/// <summary>The app cannot start with these settings; the message lists every problem, in the guide's words.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems, Exception? innerException = null)
    : Exception(string.Join(Environment.NewLine, problems), innerException)
{
    /// <summary>How the guide begins the list of settings that are not set.</summary>
    public const string MissingPrefix = "Missing required environment variables: ";

    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>The problem of a setting that is not set, e.g. <c>Missing required environment variables: ODOO_URL</c>.</summary>
    public static string Missing(string setting) => MissingPrefix + setting;

    /// <summary>
    /// The host's start-up check's failure (one part's <see cref="OptionsValidationException"/>, or an
    /// <see cref="AggregateException"/> of several) as one list; null for any other exception.
    /// </summary>
    public static InvalidSettingsException? From(Exception exception) => exception switch
    {
        OptionsValidationException failure => From([failure], failure),
        AggregateException { InnerExceptions: var failures } when failures.All(e => e is OptionsValidationException) =>
            From([.. failures.Cast<OptionsValidationException>()], exception),
        _ => null,
    };

    /// <summary>
    /// First one line naming every missing setting (in the order the parts check them), then the other problems, each
    /// once (two parts that depend on the same settings report their problems the same way).
    /// </summary>
    private static InvalidSettingsException From(IReadOnlyList<OptionsValidationException> failures, Exception innerException)
    {
        var problems = failures.SelectMany(f => f.Failures).Distinct(StringComparer.Ordinal).ToList();
        var others = problems.Where(p => !p.StartsWith(MissingPrefix, StringComparison.Ordinal)).ToList();
        // A value given but unreadable is not bound, so its required check sees nothing: report it as bad, not also as missing.
        var missing = problems.Where(p => p.StartsWith(MissingPrefix, StringComparison.Ordinal)).Select(p => p[MissingPrefix.Length..])
            .Where(setting => !others.Any(p => p.StartsWith(setting + " ", StringComparison.Ordinal))).ToList();
        return new InvalidSettingsException(missing.Count == 0 ? [.. others] : [MissingPrefix + string.Join(", ", missing), .. others], innerException);
    }
}
