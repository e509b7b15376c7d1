using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Settings;

/// <summary>The setting must be given (not blank); reported in the guide's words, <c>Missing required environment variables: ODOO_URL</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RequiredSettingAttribute : RequiredAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : new ValidationResult(InvalidSettingsException.Missing(SettingAttribute.NameOf(validationContext)));
}
