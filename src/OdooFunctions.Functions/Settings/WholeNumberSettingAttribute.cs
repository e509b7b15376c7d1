using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Settings;

/// <summary>When set, the setting is a whole number from <see cref="Minimum"/> (1: positive) to <see cref="Maximum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WholeNumberSettingAttribute : ValidationAttribute
{
    public int Maximum { get; set; } = int.MaxValue;

    public int Minimum { get; set; } = 1;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string;
        if (SettingText.Value(text) is null)
        {
            return ValidationResult.Success;
        }

        var name = SettingText.NameOf(validationContext);
        return SettingText.WholeInt(text, Minimum) switch
        {
            null when Minimum == 1 => SettingText.Problem($"{name} must be a positive whole number", validationContext),
            null => SettingText.Problem($"{name} must be a whole number of at least {Minimum}", validationContext),
            var number when number > Maximum => SettingText.Problem($"{name} must be at most {Maximum}", validationContext),
            _ => ValidationResult.Success,
        };
    }
}
