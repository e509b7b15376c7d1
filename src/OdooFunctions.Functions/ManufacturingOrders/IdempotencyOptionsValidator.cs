using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.ManufacturingOrders;

[OptionsValidator]
internal sealed partial class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>;
