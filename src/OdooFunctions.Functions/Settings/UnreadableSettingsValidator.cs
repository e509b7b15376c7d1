using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// Reports the settings the binder was not given because their text does not convert (<see cref="SettingValues"/>), each
/// as its property's own check words a bad value: <c>RATE_LIMIT_PER_MINUTE must be a positive whole number</c>.
/// </summary>
internal sealed class UnreadableSettingsValidator<TOptions>(IConfiguration configuration) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = SettingValues.Unreadable(typeof(TOptions), configuration).Select(setting => Problem(setting, options)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Problem(SettingValues.Setting setting, TOptions options)
    {
        var context = new ValidationContext(options) { MemberName = setting.Property.Name };
        return setting.Property.GetCustomAttributes<SettingAttribute>()
                .Select(check => check.GetValidationResult(setting.Text, context)?.ErrorMessage)
                .FirstOrDefault(problem => problem is not null)
            ?? $"{setting.Name} must be {Expected(setting.Property.PropertyType)}";
    }

    /// <summary>An enum's names as the guide lists them (<c>auto, jsonrpc or json2</c>), else the type.</summary>
    private static string Expected(Type type)
    {
        if (!type.IsEnum)
        {
            return "a " + type.Name;
        }

        var names = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
