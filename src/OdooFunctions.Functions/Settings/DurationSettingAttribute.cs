namespace OdooFunctions.Functions.Settings;

/// <summary>The setting is a positive duration, given as <c>hh:mm:ss</c> or in whole seconds.</summary>
internal sealed class DurationSettingAttribute : SettingAttribute
{
    protected override string? Problem(object value) =>
        value is TimeSpan duration && duration > TimeSpan.Zero ? null : $"must be a positive duration, 'hh:mm:ss' or whole seconds (got '{value}').";
}
