using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Dashboard;

[OptionsValidator]
internal sealed partial class DashboardOptionsValidator : IValidateOptions<DashboardOptions>;
