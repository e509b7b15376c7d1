using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Sync;

[OptionsValidator]
internal sealed partial class StatusSyncOptionsValidator : IValidateOptions<StatusSyncOptions>;
