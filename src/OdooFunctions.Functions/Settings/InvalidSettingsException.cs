namespace OdooFunctions.Functions.Settings;

/// <summary>The app cannot start with these settings; the message lists every problem, in the guide's words.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
