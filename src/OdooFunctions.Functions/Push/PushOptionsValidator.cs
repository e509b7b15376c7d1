using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Push;

[OptionsValidator]
internal sealed partial class PushOptionsValidator : IValidateOptions<PushOptions>;
