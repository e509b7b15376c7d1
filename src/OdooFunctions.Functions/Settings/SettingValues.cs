using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// One options class's settings as the configuration binder takes them. The binder throws on the first value it cannot
/// convert ("abc" for a number), which would report that one problem instead of every problem; so it binds a view that
/// leaves such values out (the property keeps its default), and <see cref="UnreadableSettingsValidator{TOptions}"/> reports
/// them. The settings are the properties with a <see cref="ConfigurationKeyNameAttribute"/>. Blank means unset, a value is
/// trimmed, a <c>string[]</c> is comma-separated, and a <see cref="TimeSpan"/> may be given in whole seconds.
/// </summary>
internal static class SettingValues
{
    /// <summary>The settings of <paramref name="options"/> whose text converts, as a configuration to bind.</summary>
    public static IConfiguration Readable(Type options, IConfiguration configuration) => new ConfigurationBuilder()
        .AddInMemoryCollection(Read(options, configuration).Where(setting => setting.Converts).SelectMany(setting => setting.Entries()))
        .Build();

    /// <summary>
    /// Whether <paramref name="setting"/> is given (blank means unset, as for the bound settings): for a setting that is
    /// not bound, e.g. a secret given as an app setting.
    /// </summary>
    public static bool IsSet(IConfiguration configuration, string setting) => !string.IsNullOrWhiteSpace(configuration[setting]);

    /// <summary>The settings of <paramref name="options"/> whose text does not convert to their property's type.</summary>
    public static IEnumerable<Setting> Unreadable(Type options, IConfiguration configuration) =>
        Read(options, configuration).Where(setting => !setting.Converts);

    private static IEnumerable<Setting> Read(Type options, IConfiguration configuration) =>
        from property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        let name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name
        where name is not null
        let text = configuration[name]?.Trim()
        where !string.IsNullOrEmpty(text)
        select new Setting(property, name, text);

    /// <summary>One setting that is given: its property, its name and its trimmed text.</summary>
    public sealed record Setting(PropertyInfo Property, string Name, string Text)
    {
        private Type Type => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

        public bool Converts => Type == typeof(string[]) || ConvertsTo(Type, Value);

        /// <summary>The text as the binder is given it: whole seconds as a duration (TimeSpan's own parsing reads days).</summary>
        private string Value =>
            Type == typeof(TimeSpan) && int.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture)
                : Text;

        /// <summary>The binder's keys and values: the value, or a list's items under <c>NAME:0</c>, <c>NAME:1</c>...</summary>
        public IEnumerable<KeyValuePair<string, string?>> Entries() => Type == typeof(string[])
            ? Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((item, index) => KeyValuePair.Create(ConfigurationPath.Combine(Name, index.ToString(CultureInfo.InvariantCulture)), (string?)item))
            : [KeyValuePair.Create(Name, (string?)Value)];

        private static bool ConvertsTo(Type type, string text)
        {
            // By name only: the enum converter would also take any number.
            if (type.IsEnum)
            {
                return Enum.GetNames(type).Contains(text, StringComparer.OrdinalIgnoreCase);
            }

            try
            {
                // Convert's parsing for numbers (stricter than their converters, which take hex too), the binder's converter for the rest.
                _ = typeof(IConvertible).IsAssignableFrom(type)
                    ? Convert.ChangeType(text, type, CultureInfo.InvariantCulture)
                    : TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
                return true;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException or InvalidCastException)
            {
                return false;
            }
        }
    }
}
