using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Secrets;

[OptionsValidator]
internal sealed partial class SecretsOptionsValidator : IValidateOptions<SecretsOptions>;
