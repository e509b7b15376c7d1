using System.Text.Json.Nodes;
using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>The HTTP API as an OpenAPI 3 document, for the dashboard's developers and their tools.</summary>
public static class OpenApiDocument
{
    private sealed record Operation(string Id, string Path, string Method, string Summary, bool Write, string[] Query, bool HasBody = false, bool Webhook = false);

    private static readonly Operation[] Operations =
    [
        new("TestConnection", "/api/odoo/test", "get", "Test the connection to Odoo (uid, protocol, version)", false, []),
        new("GetVersion", "/api/odoo/version", "get", "Odoo server version", false, []),
        new("ListProducts", "/api/odoo/products", "get", "List products", false, ["limit", "offset"]),
        new("GetProduct", "/api/odoo/products/{id}", "get", "One product", false, []),
        new("ListManufacturingOrders", "/api/odoo/manufacturing-orders", "get", "List manufacturing orders", false, ["limit", "offset", "state"]),
        new("CreateManufacturingOrder", "/api/odoo/manufacturing-orders", "post", "Create a manufacturing order (idempotent per Idempotency-Key or origin)", true, [], HasBody: true),
        new("GetManufacturingOrder", "/api/odoo/manufacturing-orders/{id}", "get", "One manufacturing order", false, []),
        new("UpdateManufacturingOrder", "/api/odoo/manufacturing-orders/{id}", "put", "Update a manufacturing order; state changes run Odoo's actions", true, [], HasBody: true),
        new("ListPartners", "/api/odoo/partners", "get", "List partners", false, ["limit", "offset", "is_company"]),
        new("ListStock", "/api/odoo/stock", "get", "Stock levels (quants)", false, ["product_id", "location_id", "limit", "offset"]),
        new("RunStatusSync", "/api/sync/run", "post", "Run the order-status sync now and answer its record (a failed run: success false, 502 / 504 / 503, the record in data)", true, []),
        new("GetStatusSync", "/api/sync/status", "get", "Latest sync runs, newest first", false, ["status_limit"]),
        new("ReceiveMoWebhook", "/api/odoo/webhooks/mrp-production", "post", "Odoo's automation-rule webhook for a manufacturing order: queued for the push processor (no dashboard token: the code proves the caller)", false, ["code"], HasBody: true, Webhook: true),
    ];

    private static readonly Dictionary<string, JsonObject> QuerySchemas = new()
    {
        ["limit"] = new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = Http.RequestReader.MaxLimit, ["default"] = Http.RequestReader.DefaultLimit },
        // Also called "limit" on the wire: the sync's run list has its own bounds.
        ["status_limit"] = new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = Sync.SyncFunctions.MaxStatusLimit, ["default"] = Sync.SyncFunctions.DefaultStatusLimit },
        ["offset"] = new() { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 },
        ["state"] = new() { ["type"] = "string", ["enum"] = new JsonArray([.. MoState.All.Select(s => JsonValue.Create(s.OdooName))]) },
        ["is_company"] = new() { ["type"] = "boolean" },
        ["product_id"] = new() { ["type"] = "integer", ["minimum"] = 1 },
        ["location_id"] = new() { ["type"] = "integer", ["minimum"] = 1 },
        ["code"] = new() { ["type"] = "string", ["description"] = "ODOO_WEBHOOK_SECRET (Key Vault odoo-webhook-secret)" },
    };

    /// <summary>
    /// The schema of each field a manufacturing-order body may carry; which fields each body takes comes from its wire
    /// record (<see cref="ManufacturingOrderCreate.Fields"/>, <see cref="ManufacturingOrderUpdate.Fields"/>).
    /// Null is refused for every one of them (<c>RequestBody</c>).
    /// </summary>
    private static readonly Dictionary<string, Func<JsonObject>> BodyFieldSchemas = new(StringComparer.Ordinal)
    {
        ["product_id"] = () => new() { ["type"] = "integer", ["minimum"] = 1, ["description"] = "The Odoo product (product.product id) to make." },
        ["product_qty"] = () => new() { ["type"] = "number", ["exclusiveMinimum"] = 0 },
        ["qty_producing"] = () => new() { ["type"] = "number", ["minimum"] = 0 },
        ["date_planned_start"] = DateSchema,
        ["date_deadline"] = DateSchema,
        ["origin"] = () => new() { ["type"] = "string", ["maxLength"] = 256, ["description"] = "The dashboard's reference; no control characters. Also makes a create idempotent without an Idempotency-Key." },
        ["priority"] = () => new()
        {
            ["type"] = "string", ["enum"] = new JsonArray("0", "1"),
            ["description"] = "\"0\" normal, \"1\" urgent (the numbers 0 and 1 are accepted too).",
        },
        ["state"] = () => new()
        {
            ["type"] = "string", ["enum"] = new JsonArray([.. MoState.Settable.Select(s => JsonValue.Create(s.OdooName))]),
            ["description"] = "The state to reach; Odoo's actions run in order. There is no way back to draft.",
        },
        ["backorder"] = () => new()
        {
            ["type"] = "boolean",
            ["description"] = "Only with state done and less produced than planned: make a backorder for the rest (true) or close without one (false). Left out, such a done answers 409.",
        },
    };

    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var operation in Operations)
        {
            if (paths[operation.Path] is not JsonObject item)
            {
                item = [];
                paths[operation.Path] = item;
            }

            item[operation.Method] = Describe(operation);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "OdooFunctions", ["version"] = "1.0", ["description"] = "Odoo ERP for the production-orders dashboard.",
                // The project publishes no licence: the API is the owner's, for its own dashboard.
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            // Relative: the document is served by the app it describes, so its paths are on the same origin.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The app serving this document" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["dashboardJwt"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = new JsonObject
                {
                    ["Envelope"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["success"] = new JsonObject { ["type"] = "boolean" },
                            ["count"] = new JsonObject { ["type"] = "integer" },
                            ["message"] = new JsonObject { ["type"] = "string" },
                            ["data"] = new JsonObject(),
                            ["error"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["code"] = new JsonObject { ["type"] = "string" } } },
                        },
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["dashboardJwt"] = new JsonArray() }),
        };
    }

    private static JsonObject Describe(Operation operation)
    {
        if (operation.Webhook)
        {
            return DescribeWebhook(operation);
        }

        var parameters = new JsonArray();
        if (operation.Path.Contains("{id}", StringComparison.Ordinal))
        {
            parameters.Add(new JsonObject { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } });
        }

        if (operation is { Method: "post", Path: "/api/odoo/manufacturing-orders" })
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "Idempotency-Key", ["in"] = "header", ["required"] = false,
                ["description"] = "Makes retries safe: the same key and body answer the order made the first time (see the README's idempotency contract).",
                ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
            });
        }

        foreach (var name in operation.Query)
        {
            parameters.Add(new JsonObject { ["name"] = name == "status_limit" ? "limit" : name, ["in"] = "query", ["required"] = false, ["schema"] = QuerySchemas[name].DeepClone() });
        }

        var envelope = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Envelope" } } };
        // Every status the function, the auth middleware and the error map (Http/ApiErrorMap) can answer, in order.
        List<(string Code, string Text)> statuses = operation is { Method: "post", Path: "/api/odoo/manufacturing-orders" }
            ? [("200", "Already created by an earlier identical request (`duplicate: true`)"), ("201", "Created (`duplicate: false`, Location)")]
            : [("200", "OK")];
        statuses.AddRange([("400", "Invalid input"), ("401", "No valid dashboard token"), ("403", "Role not allowed, or the Odoo API user lacks the right")]);
        if (operation.Path.Contains("{id}", StringComparison.Ordinal) || operation.HasBody)
        {
            statuses.Add(("404", "No such record in Odoo: the one in the path, or one the body names (product_id)"));
        }

        if (operation.HasBody)
        {
            statuses.Add(("409", "Conflict: impossible transition, a wizard decision, a create in progress (Retry-After) or an ambiguous reconciliation; `applied` lists what Odoo kept"));
            statuses.Add(("413", "Body over the size limit"));
            statuses.Add(("422", "Odoo refused the data, or an Idempotency-Key reused with another body"));
        }
        else if (operation.Path == "/api/sync/run")
        {
            statuses.Add(("409", "A sync is already running"));
        }

        statuses.AddRange([("429", "Rate limited (Retry-After)"), ("500", "Unexpected failure (logged)"), ("502", "Odoo error"),
            ("503", "Odoo, Key Vault or storage unreachable, or a create whose answer was lost (Retry-After)"), ("504", "Odoo timeout")]);
        var responses = new JsonObject();
        foreach (var (code, text) in statuses)
        {
            responses[code] = new JsonObject { ["description"] = text, ["content"] = envelope.DeepClone() };
        }

        var described = new JsonObject
        {
            ["operationId"] = operation.Id,
            ["summary"] = operation.Summary,
            ["x-required-role"] = operation.Write ? "AUTH_WRITE_ROLES" : "AUTH_READ_ROLES",
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (operation.HasBody)
        {
            described["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = BodySchema(operation.Method) } } };
        }

        return described;
    }

    /// <summary>The body of POST (create: product and quantity required) or PUT (update: at least one field) manufacturing orders.</summary>
    private static JsonObject BodySchema(string method)
    {
        var create = method == "post";
        var fields = create ? ManufacturingOrderCreate.Fields : ManufacturingOrderUpdate.Fields;
        string[] required = create ? ["product_id", "product_qty"] : [];
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(fields.Select(name => KeyValuePair.Create(name, (JsonNode?)BodyFieldSchemas[name]()))),
            // Unknown fields are refused (400 naming them), so a typo never silently does nothing.
            ["additionalProperties"] = false,
        };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(name => JsonValue.Create(name))]);
        }
        else
        {
            schema["minProperties"] = 1;
        }

        return schema;
    }

    private static JsonObject DateSchema() => new()
    {
        ["type"] = "string",
        ["description"] = "Odoo's 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601 (converted to UTC; no offset means UTC).",
        ["example"] = "2025-11-15T17:00:00Z",
    };

    private static JsonObject DescribeWebhook(Operation operation)
    {
        var envelope = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Envelope" } } };
        var responses = new JsonObject();
        foreach (var (code, text) in new[] { ("202", "Queued"), ("400", "Not an mrp.production record with an integer _id"), ("401", "Missing or wrong code"), ("413", "Body over 64 KB"), ("500", "Unexpected failure (logged)"), ("503", "Webhook secret or storage unavailable") })
        {
            responses[code] = new JsonObject { ["description"] = text, ["content"] = envelope.DeepClone() };
        }

        var body = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("_id", "_model"),
            ["properties"] = new JsonObject
            {
                ["_id"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["_model"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("mrp.production") },
                ["_action"] = new JsonObject { ["type"] = "string" },
                ["state"] = new JsonObject { ["type"] = "string" },
                ["write_date"] = new JsonObject { ["type"] = "string", ["example"] = "2026-12-01 18:29:16.175821" },
            },
        };
        return new JsonObject
        {
            ["operationId"] = operation.Id,
            ["summary"] = operation.Summary,
            ["security"] = new JsonArray(),
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "code", ["in"] = "query", ["required"] = true, ["schema"] = QuerySchemas["code"].DeepClone() }),
            ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } } },
            ["responses"] = responses,
        };
    }
}
