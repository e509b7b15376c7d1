namespace OdooFunctions.Functions.Settings;

/// <summary>The setting is a whole number from <see cref="Minimum"/> (1: positive) to <see cref="Maximum"/>.</summary>
internal sealed class WholeNumberSettingAttribute : SettingAttribute
{
    public int Maximum { get; set; } = int.MaxValue;

    public int Minimum { get; set; } = 1;

    protected override string? Problem(object value) => value switch
    {
        int number when number >= Minimum && number <= Maximum => null,
        int number when number > Maximum => $"must be at most {Maximum}",
        _ when Minimum == 1 => "must be a positive whole number",
        _ => $"must be a whole number of at least {Minimum}",
    };
}
