using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// A check of one setting, worded in the guide's words after the setting's name (its <see cref="ConfigurationKeyNameAttribute"/>).
/// It is given the bound value, or the setting's text when the binder could not convert it (<see cref="UnreadableSettingsValidator{TOptions}"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal abstract class SettingAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || Problem(value) is not { } problem
            ? ValidationResult.Success
            // Without member names: the generated validator would write them before the message.
            : new ValidationResult($"{NameOf(validationContext)} {problem}");

    /// <summary>What is wrong with <paramref name="value"/>, e.g. <c>must be a positive whole number</c>; null when nothing is.</summary>
    protected abstract string? Problem(object value);

    /// <summary>The setting a validated property is bound from.</summary>
    internal static string NameOf(ValidationContext context) =>
        context.ObjectType.GetProperty(context.MemberName ?? "")?.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name
        ?? context.MemberName
        ?? context.DisplayName;
}
