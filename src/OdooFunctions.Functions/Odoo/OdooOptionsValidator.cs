using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Odoo;

[OptionsValidator]
internal sealed partial class OdooOptionsValidator : IValidateOptions<OdooOptions>;
