using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Settings;

/// <summary>When set, the setting is a positive whole number, at most <see cref="Maximum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WholeNumberSettingAttribute : ValidationAttribute
{
    public int Maximum { get; set; } = int.MaxValue;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string;
        if (SettingText.Value(text) is null)
        {
            return ValidationResult.Success;
        }

        var name = SettingText.NameOf(validationContext);
        return SettingText.PositiveInt(text) switch
        {
            null => SettingText.Problem($"{name} must be a positive whole number", validationContext),
            var number when number > Maximum => SettingText.Problem($"{name} must be at most {Maximum}", validationContext),
            _ => ValidationResult.Success,
        };
    }
}
