using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Push;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>
/// The HTTP API as an OpenAPI 3.1 document, made from the one table of operations (<see cref="ApiOperations"/>) and the
/// records' types (<see cref="SchemaGenerator"/>): for the dashboard's developers, their generated clients, and the
/// reference page. Built once; the same for every caller.
/// </summary>
public static class OpenApiDocument
{
    /// <summary>The records each answer or body is made of, each one component schema.</summary>
    private static readonly Dictionary<Type, string> Components = new()
    {
        [typeof(Product)] = "Product",
        [typeof(ManufacturingOrder)] = "ManufacturingOrder",
        [typeof(Partner)] = "Partner",
        [typeof(StockQuant)] = "StockQuant",
        [typeof(ConnectionTest)] = "ConnectionTest",
        [typeof(VersionInfo)] = "VersionInfo",
        [typeof(SyncRun)] = "SyncRun",
        [typeof(WebhookQueued)] = "WebhookQueued",
        [typeof(AppliedChange)] = "AppliedChange",
        [typeof(NotApplied)] = "NotApplied",
        [typeof(CreateCandidate)] = "CreateCandidate",
        [typeof(ApiError)] = "ApiError",
        [typeof(ErrorEnvelope)] = "ErrorEnvelope",
        [typeof(CreatedEnvelope)] = "CreatedEnvelope",
        [typeof(UpdatedEnvelope)] = "UpdatedEnvelope",
        [typeof(ListEnvelope<Product>)] = "ProductList",
        [typeof(ItemEnvelope<Product>)] = "ProductItem",
        [typeof(ListEnvelope<ManufacturingOrder>)] = "ManufacturingOrderList",
        [typeof(ItemEnvelope<ManufacturingOrder>)] = "ManufacturingOrderItem",
        [typeof(ListEnvelope<Partner>)] = "PartnerList",
        [typeof(ListEnvelope<StockQuant>)] = "StockQuantList",
        [typeof(ItemEnvelope<ConnectionTest>)] = "ConnectionTestItem",
        [typeof(ItemEnvelope<VersionInfo>)] = "VersionInfoItem",
        [typeof(ItemEnvelope<SyncRun>)] = "SyncRunItem",
        [typeof(ListEnvelope<SyncRun>)] = "SyncRunList",
        [typeof(ItemEnvelope<WebhookQueued>)] = "WebhookQueuedItem",
        [typeof(ManufacturingOrderCreateBody)] = "ManufacturingOrderCreate",
        [typeof(ManufacturingOrderUpdateBody)] = "ManufacturingOrderUpdate",
        [typeof(OdooWebhookPayload)] = "OdooWebhookPayload",
    };

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Connection"] = "Is Odoo reachable with the integration's credentials, and which Odoo is it.",
        ["Products"] = "Odoo's product variants (product.product).",
        ["Manufacturing orders"] = "Odoo's manufacturing orders (mrp.production): read, create idempotently, change through Odoo's own actions.",
        ["Partners"] = "Odoo's contacts and companies (res.partner).",
        ["Stock"] = "Stock on hand (stock.quant).",
        ["Sync"] = "The order-status sync from Odoo to the dashboard (also run by a timer every 5 minutes).",
        ["Webhooks"] = "For Odoo's automation rule, not the dashboard.",
    };

    private static readonly Lazy<JsonObject> Document = new(Make);

    /// <summary>A copy of the document (callers may change theirs).</summary>
    public static JsonObject Build() => (JsonObject)Document.Value.DeepClone();

    /// <summary>
    /// The one document, as <c>GET /api/openapi.json</c> writes it: never changed, only read (concurrent reads of a
    /// JSON tree are safe), so a request does not copy it.
    /// </summary>
    internal static JsonObject Served => Document.Value;

    private static JsonObject Make()
    {
        var generator = new SchemaGenerator(Components);
        var schemas = new JsonObject();
        var named = Components.Select(c => (c.Value, Schema: (Func<JsonObject>)(() => generator.Schema(TypeInfo(c.Key), isRequestBody: IsRequestBody(c.Key)))))
            .Append((SchemaGenerator.Many2OneComponent, SchemaGenerator.Many2OneSchema));
        foreach (var (name, schema) in named.OrderBy(c => c.Item1, StringComparer.Ordinal))
        {
            schemas[name] = schema();
        }

        var paths = new JsonObject();
        foreach (var operation in ApiOperations.All)
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
                ["title"] = "OdooFunctions",
                ["version"] = "1.0",
                ["summary"] = "Odoo ERP for the production-orders dashboard.",
                ["description"] = "Odoo's products, manufacturing orders, partners and stock in the integration guide's {success, count, data} envelope, "
                    + "whatever Odoo version answers (16.0 to 19.0). Values are Odoo's own: false for empty, a related record as [id, \"name\"], "
                    + "UTC datetimes as 'YYYY-MM-DD HH:MM:SS'. Every failure answers {success: false, message, error: {code}}.",
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            ["servers"] = new JsonArray(
                new JsonObject { ["url"] = "/", ["description"] = "The app serving this document (locally http://localhost:7071 with npm start)" },
                new JsonObject
                {
                    ["url"] = "https://{app}.azurewebsites.net",
                    ["description"] = "Azure (azd up)",
                    ["variables"] = new JsonObject { ["app"] = new JsonObject { ["default"] = "odoo-functions", ["description"] = "The function app's name." } },
                }),
            ["tags"] = new JsonArray([.. ApiOperations.All.Select(o => o.Tag).Distinct()
                .Select(tag => (JsonNode?)new JsonObject { ["name"] = tag, ["description"] = TagDescriptions[tag] })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["dashboardJwt"] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
                        ["description"] = "The dashboard's token: HS256 with AUTH_JWT_SECRET, or issued by AUTH_JWT_AUTHORITY; roles in role/roles.",
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["dashboardJwt"] = new JsonArray() }),
        };
    }

    private static bool IsRequestBody(Type type) => ApiOperations.All.Any(o => o.RequestBody == type);

    private static JsonTypeInfo TypeInfo(Type type) => IsRequestBody(type)
        ? (type == typeof(OdooWebhookPayload) ? PushJsonContext.Default.GetTypeInfo(type) : ManufacturingOrderJsonContext.Default.GetTypeInfo(type))!
        : ApiJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in ApiJsonContext.");

    private static JsonObject Describe(ApiOperation operation)
    {
        var described = new JsonObject
        {
            ["operationId"] = operation.OperationId,
            ["tags"] = new JsonArray(operation.Tag),
            ["summary"] = operation.Summary,
        };
        if (operation.Description is { } description)
        {
            described["description"] = description;
        }

        if (operation.Access == ApiAccess.WebhookCode)
        {
            described["security"] = new JsonArray();
        }
        else
        {
            described["x-required-role"] = operation.Access == ApiAccess.Write ? "AUTH_WRITE_ROLES" : "AUTH_READ_ROLES";
        }

        if (operation.Parameters.Count > 0)
        {
            described["parameters"] = new JsonArray([.. operation.Parameters.Select(p => (JsonNode?)Parameter(p))]);
        }

        if (operation.RequestBody is { } body)
        {
            var content = new JsonObject { ["schema"] = Ref(body) };
            AddExamples(content, operation.RequestExamples);
            if (body == typeof(ManufacturingOrderUpdateBody))
            {
                content["schema"] = new JsonObject { ["allOf"] = new JsonArray(Ref(body), new JsonObject { ["minProperties"] = 1 }) };
            }

            described["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = content } };
        }

        var responses = new JsonObject();
        foreach (var response in operation.Responses)
        {
            responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(response);
        }

        described["responses"] = responses;
        return described;
    }

    private static JsonObject Parameter(ApiParameter parameter)
    {
        var node = new JsonObject { ["name"] = parameter.Name, ["in"] = parameter.In, ["required"] = parameter.Required };
        if (parameter.Description is { } description)
        {
            node["description"] = description;
        }

        node["schema"] = parameter.Schema.DeepClone();
        return node;
    }

    private static JsonObject Response(ApiResponse response)
    {
        JsonNode schema = Ref(response.Body);
        if (response.Codes.Count > 0)
        {
            // The error codes this status carries for this operation, on top of the envelope's shape.
            schema = new JsonObject
            {
                ["allOf"] = new JsonArray(schema, new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["error"] = new JsonObject
                        {
                            ["properties"] = new JsonObject { ["code"] = new JsonObject { ["enum"] = new JsonArray([.. response.Codes.Select(c => (JsonNode?)c)]) } },
                        },
                    },
                }),
            };
        }

        var content = new JsonObject { ["schema"] = schema };
        AddExamples(content, response.Examples);
        var node = new JsonObject
        {
            ["description"] = response.Codes.Count > 0 ? $"{response.Description} (error.code: {string.Join(", ", response.Codes)})" : response.Description,
        };
        if (response.Headers.Count > 0)
        {
            node["headers"] = new JsonObject(response.Headers.Select(header => KeyValuePair.Create(header, (JsonNode?)Header(header))));
        }

        node["content"] = new JsonObject { ["application/json"] = content };
        return node;
    }

    private static JsonObject Header(string name) => name switch
    {
        "Retry-After" => new JsonObject { ["description"] = "Seconds to wait before retrying.", ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 } },
        "Location" => new JsonObject { ["description"] = "The order's URL.", ["schema"] = new JsonObject { ["type"] = "string" } },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such header is documented."),
    };

    private static void AddExamples(JsonObject content, IReadOnlyDictionary<string, JsonNode> examples)
    {
        if (examples.Count > 0)
        {
            content["examples"] = new JsonObject(examples.Select(example =>
                KeyValuePair.Create(example.Key, (JsonNode?)new JsonObject { ["summary"] = "As in the README", ["value"] = example.Value.DeepClone() })));
        }
    }

    private static JsonObject Ref(Type type) => new() { ["$ref"] = $"#/components/schemas/{Components[type]}" };
}
