using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Contract;

/// <summary>
/// Every answer the API writes, source generated: the contract the OpenAPI document is generated from. Odoo's
/// conventions (false for empty, many2one as [id, "name"], 3.0) come from the records' converters; the app's own
/// names are snake_case, as the integration guide's.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ListEnvelope<Product>))]
[JsonSerializable(typeof(ItemEnvelope<Product>))]
[JsonSerializable(typeof(ListEnvelope<ManufacturingOrder>))]
[JsonSerializable(typeof(ItemEnvelope<ManufacturingOrder>))]
[JsonSerializable(typeof(CreatedEnvelope))]
[JsonSerializable(typeof(UpdatedEnvelope))]
[JsonSerializable(typeof(ListEnvelope<Partner>))]
[JsonSerializable(typeof(ListEnvelope<StockQuant>))]
[JsonSerializable(typeof(ItemEnvelope<ConnectionTest>))]
[JsonSerializable(typeof(ItemEnvelope<VersionInfo>))]
[JsonSerializable(typeof(ItemEnvelope<SyncRun>))]
[JsonSerializable(typeof(ListEnvelope<SyncRun>))]
[JsonSerializable(typeof(ItemEnvelope<WebhookQueued>))]
[JsonSerializable(typeof(ErrorEnvelope))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
