using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// The host's start-up check (every part's <c>ValidateOnStart</c>), reporting all the parts' problems as one
/// <see cref="InvalidSettingsException"/>. On its own the check throws the one part's <see cref="OptionsValidationException"/>,
/// or an <see cref="AggregateException"/> of several.
/// </summary>
internal sealed class SettingsStartupValidator(IStartupValidator parts) : IStartupValidator
{
    public void Validate()
    {
        try
        {
            parts.Validate();
        }
        catch (OptionsValidationException failure)
        {
            throw InvalidSettingsException.From([failure], failure);
        }
        catch (AggregateException failures) when (failures.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw InvalidSettingsException.From([.. failures.InnerExceptions.Cast<OptionsValidationException>()], failures);
        }
    }
}
