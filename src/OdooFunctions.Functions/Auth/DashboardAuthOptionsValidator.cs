using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Auth;

[OptionsValidator]
internal sealed partial class DashboardAuthOptionsValidator : IValidateOptions<DashboardAuthOptions>;
