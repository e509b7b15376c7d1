using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

[OptionsValidator]
internal sealed partial class ResponseLimitOptionsValidator : IValidateOptions<ResponseLimitOptions>;
