using System.Text.Json.Nodes;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Push;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Contract;
using static OdooFunctions.Functions.Contract.ApiErrorCodes;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>
/// The one table of the HTTP API's operations: what each takes and every status it answers, with the error codes of
/// each status. The OpenAPI document is made from it and from the records' types; tests hold it to the functions'
/// routes (<c>functions.metadata</c>), to the bounds the code checks, and to every answer the HTTP tests receive.
/// </summary>
public static class ApiOperations
{
    private static readonly Type Error = typeof(ErrorEnvelope);

    /// <summary>What every call with a dashboard token can answer.</summary>
    private static readonly ApiResponse[] Authenticated =
    [
        new(401, "No valid dashboard token (missing, malformed, expired, wrong signature, issuer or audience).", Error, [Unauthorized]),
        new(403, "The token's roles may not do this.", Error, [Forbidden]),
        new(429, "Too many requests from this caller this minute (RATE_LIMIT_PER_MINUTE); retry after Retry-After seconds.", Error, [RateLimited]) { Headers = ["Retry-After"] },
        new(503, "The identity provider (AUTH_JWT_AUTHORITY) or the signing secret could not be read; retry after Retry-After seconds.", Error, [AuthUnavailable, SecretUnavailable]) { Headers = ["Retry-After"] },
        new(500, "A bug: logged, answered without details.", Error, [InternalError]),
    ];

    /// <summary>What every call that reaches Odoo can answer.</summary>
    private static readonly ApiResponse[] Odoo =
    [
        new(403, "The Odoo API user lacks an access right; the message names it and the groups that would allow it.", Error, [OdooAccessDenied]),
        new(502, "Odoo refused the integration's credentials, failed, or answered something that is not its API or too large (MAX_RESPONSE_MB).", Error,
            [OdooAuthFailed, OdooError, OdooBadResponse, OdooResponseTooLarge]),
        new(503, "Odoo is unreachable or busy (ODOO_MAX_CONCURRENT_CALLS; nothing was sent, retry after Retry-After seconds), or its API key could not be read.", Error,
            [OdooUnavailable, OdooBusy, SecretUnavailable]) { Headers = ["Retry-After"] },
        new(504, "Odoo did not answer in time (ODOO_TIMEOUT_SECONDS).", Error, [OdooTimeout]),
    ];

    /// <summary>What a call that changes Odoo can answer beside <see cref="Odoo"/>.</summary>
    private static readonly ApiResponse[] OdooWrite =
    [
        new(404, "A record the write names does not exist in Odoo.", Error, [NotFound]),
        new(409, "The record is locked or was changed concurrently in Odoo; try again.", Error, [Conflict]),
        new(422, "Odoo refused the data; the message is Odoo's.", Error, [OdooValidationError]),
    ];

    private static readonly ApiResponse[] Query = [new(400, "A query parameter is invalid; the message names it.", Error, [ValidationError])];

    private static readonly ApiResponse[] RouteId = [new(400, "The id is not a positive whole number.", Error, [ValidationError])];

    private static readonly ApiResponse[] JsonBody =
    [
        new(400, "The body is not valid JSON, has a key twice, an unknown field or a value out of bounds; the message names the field.", Error,
            [ValidationError, InvalidJson, DuplicateKey]),
        new(413, "The body is larger than 1 MB.", Error, [PayloadTooLarge]),
    ];

    private static readonly ApiResponse[] Storage =
    [
        new(503, "The app's storage (AzureWebJobsStorage) is unreachable: nothing was done; retry after Retry-After seconds.", Error, [StorageUnavailable]) { Headers = ["Retry-After"] },
    ];

    private static ApiParameter LimitParameter(int defaultLimit, int maxLimit) =>
        new("limit", "query", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = maxLimit, ["default"] = defaultLimit }, "Most records to return.");

    private static readonly ApiParameter Limit = LimitParameter(RequestReader.DefaultLimit, RequestReader.MaxLimit);

    private static readonly ApiParameter Offset = new("offset", "query", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }, "Records to skip.");

    private static ApiParameter Id(string what) => new("id", "path", new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, $"The {what}'s id in Odoo.", Required: true);

    private static ApiParameter OptionalId(string name, string what) =>
        new(name, "query", new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, what);

    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new("TestConnection", "get", "/api/odoo/test", "Connection", "Test the connection to Odoo", ApiAccess.Read)
        {
            Description = "Logs in (once; shared by every call) and says who the API user is, which protocol is used and which Odoo answers.",
            Responses = Merge(
                [new(200, "Connected.", typeof(ItemEnvelope<ConnectionTest>)) { Examples = Example("""
                    {"success": true, "message": "Successfully connected to Odoo", "data": {"connected": true, "uid": 7, "protocol": "json2", "server_version": "19.0"}}
                    """) }],
                Authenticated, Odoo),
        },
        new("GetVersion", "get", "/api/odoo/version", "Connection", "Odoo server version", ApiAccess.Read)
        {
            Responses = Merge(
                [new(200, "The version Odoo reports.", typeof(ItemEnvelope<VersionInfo>)) { Examples = Example("""
                    {"success": true, "data": {"server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0", "protocol_version": 1}}
                    """) }],
                Authenticated, Odoo),
        },
        new("ListProducts", "get", "/api/odoo/products", "Products", "List products", ApiAccess.Read)
        {
            Parameters = [Limit, Offset],
            Responses = Merge(
                [new(200, "Products, by id.", typeof(ListEnvelope<Product>)) { Examples = Example("""
                    {"success": true, "count": 1, "data": [{"id": 1, "name": "Demo Product 1", "default_code": "DEMO-001", "barcode": false, "list_price": 10.0,
                     "standard_price": 5.0, "type": "consu", "categ_id": [1, "All"], "uom_id": [1, "Units"], "qty_available": 0.0, "virtual_available": 0.0,
                     "description": false, "active": true}]}
                    """) }],
                Query, Authenticated, Odoo),
        },
        new("GetProduct", "get", "/api/odoo/products/{id}", "Products", "One product", ApiAccess.Read)
        {
            Parameters = [Id("product")],
            Responses = Merge(
                [new(200, "The product.", typeof(ItemEnvelope<Product>)),
                 new(404, "Odoo has no product with this id.", Error, [NotFound]) { Examples = Example("""
                    {"success": false, "message": "Product 999999 was not found in Odoo.", "error": {"code": "NOT_FOUND"}}
                    """) }],
                RouteId, Authenticated, Odoo),
        },
        new("ListManufacturingOrders", "get", "/api/odoo/manufacturing-orders", "Manufacturing orders", "List manufacturing orders", ApiAccess.Read)
        {
            Parameters =
            [
                Limit, Offset,
                new("state", "query", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. MoState.All.Select(s => JsonValue.Create(s.OdooName))]) }, "Only orders in this state."),
            ],
            Responses = Merge(
                [new(200, "Manufacturing orders, by id.", typeof(ListEnvelope<ManufacturingOrder>)) { Examples = Example(ManufacturingOrderListExample) }],
                Query, Authenticated, Odoo),
        },
        new("CreateManufacturingOrder", "post", "/api/odoo/manufacturing-orders", "Manufacturing orders", "Create a manufacturing order (idempotent)", ApiAccess.Write)
        {
            Description = "Creates a draft order. Idempotent per Idempotency-Key, or without one per origin and product: a retry answers the order "
                + "made the first time (200, duplicate true) and never makes a second one, whichever instance it reaches (see the README's idempotency contract).",
            Parameters =
            [
                new("Idempotency-Key", "header", new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
                    "Makes retries safe: the same key and body answer the order made the first time."),
            ],
            RequestBody = typeof(ManufacturingOrderCreateBody),
            RequestExamples = Example("""
                {"product_id": 69, "product_qty": 100, "date_planned_start": "2025-11-10 08:00:00", "date_deadline": "2025-11-15 17:00:00", "origin": "Dashboard Order #123"}
                """),
            Responses = Merge(
                [new(201, "Created.", typeof(CreatedEnvelope)) { Headers = ["Location"], Examples = Example(CreatedExample) },
                 new(200, "A retry: the order an earlier identical request made (duplicate true); nothing new was created.", typeof(CreatedEnvelope)) { Headers = ["Location"] },
                 new(409, "Another request with this key or origin is creating the order now (retry after Retry-After), or an unfinished earlier attempt may have made several orders (candidates: cancel the extra ones).",
                     Error, [CreateInProgress, AmbiguousCreate]) { Headers = ["Retry-After"] },
                 new(422, "The Idempotency-Key was used with another body.", Error, [IdempotencyKeyReused]),
                 new(502, "Odoo's answer to the create was lost: retry after Retry-After seconds to get the order it made, or make it.", Error, [CreateOutcomeUnknown]) { Headers = ["Retry-After"] },
                 new(503, "Odoo's answer to the create was lost (see 502).", Error, [CreateOutcomeUnknown]) { Headers = ["Retry-After"] },
                 new(504, "Odoo's answer to the create was lost (see 502).", Error, [CreateOutcomeUnknown]) { Headers = ["Retry-After"] }],
                JsonBody, Storage, Authenticated, Odoo, OdooWrite),
        },
        new("GetManufacturingOrder", "get", "/api/odoo/manufacturing-orders/{id}", "Manufacturing orders", "One manufacturing order", ApiAccess.Read)
        {
            Parameters = [Id("manufacturing order")],
            Responses = Merge(
                [new(200, "The order.", typeof(ItemEnvelope<ManufacturingOrder>)),
                 new(404, "Odoo has no manufacturing order with this id.", Error, [NotFound])],
                RouteId, Authenticated, Odoo),
        },
        new("UpdateManufacturingOrder", "put", "/api/odoo/manufacturing-orders/{id}", "Manufacturing orders", "Update a manufacturing order", ApiAccess.Write)
        {
            Description = "Writes the fields, then reaches the state through Odoo's own actions (confirm, record the quantity, start, mark done, cancel) "
                + "and answers the order as Odoo then holds it. A failure part-way undoes what can be undone and lists in applied what Odoo was left holding differently.",
            Parameters = [Id("manufacturing order")],
            RequestBody = typeof(ManufacturingOrderUpdateBody),
            RequestExamples = Example("""
                {"state": "progress", "qty_producing": 50, "date_deadline": "2025-11-20 17:00:00"}
                """),
            Responses = Merge(
                [new(200, "Updated; not_applied lists requested values Odoo kept its own way.", typeof(UpdatedEnvelope)) { Examples = Example(UpdatedExample) },
                 new(404, "Odoo has no manufacturing order with this id.", Error, [NotFound]),
                 new(409, "The state cannot be reached from the current one, Odoo did not reach it, Odoo asks a person to decide in a wizard (a backorder: send backorder), or Odoo refused the action; applied lists what Odoo kept.",
                     Error, [InvalidTransition, StateNotChanged, BackorderDecisionNeeded, OdooWizard]),
                 new(422, "This Odoo cannot do it (a bare progress without qty_producing before Odoo 18).", Error, [Unprocessable])],
                RouteId, JsonBody, Authenticated, Odoo, OdooWrite),
        },
        new("ListPartners", "get", "/api/odoo/partners", "Partners", "List partners", ApiAccess.Read)
        {
            Parameters = [Limit, Offset, new("is_company", "query", new JsonObject { ["type"] = "boolean" }, "Only companies (true) or only people (false).")],
            Responses = Merge([new(200, "Partners, by id.", typeof(ListEnvelope<Partner>))], Query, Authenticated, Odoo),
        },
        new("ListStock", "get", "/api/odoo/stock", "Stock", "Stock levels (quants)", ApiAccess.Read)
        {
            Description = "Without location_id, internal (warehouse) locations only, as Odoo's own stock report counts.",
            Parameters = [OptionalId("product_id", "Only this product."), OptionalId("location_id", "Only this location."), Limit, Offset],
            Responses = Merge([new(200, "Quants, by id.", typeof(ListEnvelope<StockQuant>))], Query, Authenticated, Odoo),
        },
        new("RunStatusSync", "post", "/api/sync/run", "Sync", "Run the order-status sync now", ApiAccess.Write)
        {
            Description = "Runs one sync (the timer's, now) and answers its record. A run that failed answers success false with its record in data.",
            Responses = Merge(
                [new(200, "The run succeeded (or partly: outcome partial).", typeof(ItemEnvelope<SyncRun>)),
                 new(409, "A sync is already running.", Error, [Conflict]),
                 new(502, "The run failed: Odoo or the dashboard failed (data: the run).", Error, [SyncFailed]),
                 new(503, "The run failed: the dashboard token could not be read (data: the run).", Error, [SyncFailed]),
                 new(504, "The run failed: Odoo or the dashboard timed out (data: the run).", Error, [SyncFailed]),
                 new(500, "The run failed unexpectedly (data: the run).", Error, [SyncFailed])],
                Storage, Authenticated),
        },
        new("GetStatusSync", "get", "/api/sync/status", "Sync", "Latest sync runs, newest first", ApiAccess.Read)
        {
            Parameters = [LimitParameter(SyncFunctions.DefaultStatusLimit, SyncFunctions.MaxStatusLimit)],
            Responses = Merge([new(200, "The runs.", typeof(ListEnvelope<SyncRun>))], Query, Storage, Authenticated),
        },
        new(OdooWebhookFunctions.FunctionName, "post", "/api/odoo/webhooks/mrp-production", "Webhooks", "Odoo's webhook for a manufacturing order", ApiAccess.WebhookCode)
        {
            Description = "For Odoo's automation rule (\"Send Webhook Notification\"), not the dashboard: queues the change for the push processor, "
                + "which reads the order from Odoo again. No dashboard token: the code proves the caller.",
            Parameters = [new("code", "query", new JsonObject { ["type"] = "string" }, "ODOO_WEBHOOK_SECRET (Key Vault odoo-webhook-secret).", Required: true)],
            RequestBody = typeof(OdooWebhookPayload),
            RequestExamples = Example("""
                {"_action": "Send Webhook Notification(#481)", "_id": 16, "_model": "mrp.production", "id": 16, "name": "WH/MO/00016", "origin": false,
                 "product_qty": 5.0, "qty_produced": 0.0, "qty_producing": 0.0, "state": "confirmed", "write_date": "2026-12-01 18:29:16.175821"}
                """),
            Responses =
            [
                new(202, "Queued.", typeof(ItemEnvelope<WebhookQueued>)),
                new(400, "Not an mrp.production record with an integer _id, or not valid JSON.", Error, [InvalidWebhook, InvalidJson, DuplicateKey, ValidationError]),
                new(401, "The code is missing or wrong.", Error, [WebhookCodeInvalid]),
                new(413, "The body is larger than 64 KB.", Error, [PayloadTooLarge]),
                new(500, "A bug: logged, answered without details.", Error, [InternalError]),
                new(503, "The webhook secret or the queue's storage could not be reached; the timer sync still covers the change.", Error,
                    [SecretUnavailable, StorageUnavailable]) { Headers = ["Retry-After"] },
            ],
        },
    ];

    private const string ManufacturingOrderExample = """
        {"id": 13, "name": "WH/MO/00013", "product_id": [69, "[MFG-FG-1001] Gear Pump GP-100"], "product_qty": 100.0, "product_uom_id": [1, "Units"],
         "state": "draft", "date_planned_start": "2025-11-10 08:00:00", "date_deadline": "2025-11-15 17:00:00", "priority": "0", "user_id": [7, "API Integration (C#)"],
         "company_id": [1, "My Company (San Francisco)"], "origin": "Dashboard Order #123", "qty_produced": 0.0, "qty_producing": 0.0}
        """;

    private const string ManufacturingOrderListExample = $$"""{"success": true, "count": 1, "data": [{{ManufacturingOrderExample}}]}""";

    private const string CreatedExample =
        $$"""{"success": true, "message": "Manufacturing order created successfully in Odoo", "data": {{ManufacturingOrderExample}}, "duplicate": false}""";

    private const string UpdatedExample = """
        {"success": true, "message": "Manufacturing order updated in Odoo", "data": {"id": 13, "name": "WH/MO/00013", "product_id": [69, "[MFG-FG-1001] Gear Pump GP-100"],
         "product_qty": 100.0, "product_uom_id": [1, "Units"], "state": "progress", "date_planned_start": "2025-11-10 08:00:00", "date_deadline": "2025-11-20 17:00:00",
         "priority": "0", "user_id": [7, "API Integration (C#)"], "company_id": [1, "My Company (San Francisco)"], "origin": "Dashboard Order #123",
         "qty_produced": 0.0, "qty_producing": 50.0}}
        """;

    private static Dictionary<string, JsonNode> Example(string json) => new() { ["readme"] = JsonNode.Parse(json)! };

    /// <summary>
    /// The operation's own answers first, then each group's; a status several give is one answer whose codes are all of
    /// theirs (the first description stays, the others' codes are named in it).
    /// </summary>
    private static List<ApiResponse> Merge(params ApiResponse[][] groups)
    {
        var merged = new List<ApiResponse>();
        foreach (var response in groups.SelectMany(group => group))
        {
            var index = merged.FindIndex(existing => existing.Status == response.Status && existing.Body == response.Body);
            if (index < 0)
            {
                merged.Add(response);
                continue;
            }

            var existing = merged[index];
            merged[index] = existing with
            {
                Description = $"{existing.Description} Also: {response.Description}",
                Codes = [.. existing.Codes.Union(response.Codes)],
                Headers = [.. existing.Headers.Union(response.Headers)],
            };
        }

        return [.. merged.OrderBy(response => response.Status)];
    }
}
