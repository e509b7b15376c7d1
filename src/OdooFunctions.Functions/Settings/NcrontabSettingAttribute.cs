namespace OdooFunctions.Functions.Settings;

/// <summary>
/// The setting is a six-field NCRONTAB schedule (seconds first), as a timer trigger reads it. Only its shape is checked:
/// the worker has no NCRONTAB parser, and the host refuses a schedule it cannot read when it indexes the function.
/// </summary>
internal sealed class NcrontabSettingAttribute : SettingAttribute
{
    protected override string? Problem(object value) =>
        value is string schedule && IsSixFields(schedule)
            ? null
            : $"must be a six-field NCRONTAB schedule (second minute hour day month day-of-week), e.g. 0 */5 * * * * (got '{value}')";

    private static bool IsSixFields(string schedule)
    {
        var fields = schedule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields.All(field => field.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or ',' or '-'));
    }
}
