using System.Globalization;
using System.Text.RegularExpressions;

namespace OdooFunctions.Functions.Settings;

/// <summary>The setting is a name that matches <see cref="Pattern"/>, e.g. a table's or a queue's; otherwise <see cref="Requirement"/> says why.</summary>
internal sealed class NamePatternSettingAttribute(string pattern, string requirement) : SettingAttribute
{
    private readonly Regex _regex = new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string Pattern { get; } = pattern;

    /// <summary>The problem's words after the setting's name; <c>{0}</c> is the value given.</summary>
    public string Requirement { get; } = requirement;

    protected override string? Problem(object value) =>
        value is string name && _regex.IsMatch(name) ? null : string.Format(CultureInfo.InvariantCulture, Requirement, value);
}
