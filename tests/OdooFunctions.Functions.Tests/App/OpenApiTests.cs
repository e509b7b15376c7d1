using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.FunctionsHost.OpenApi;

namespace OdooFunctions.Functions.Tests.App;

public sealed class OpenApiTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    /// <summary>The routes the document leaves out: itself, and the reference page that renders it with the page's files.</summary>
    private static readonly string?[] NotApiOperations = ["openapi.json", "docs", "docs/{*file}"];

    [Fact]
    public async Task The_OpenAPI_document_is_served_anonymously_and_lists_exactly_the_functions_routes()
    {
        using var response = await GetDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(Served(f => $"{f.Method} {f.Path}"), Documented(document, op => $"{op.Method} {op.Path}"));
    }

    [Fact]
    public async Task Each_operationId_is_the_name_of_the_function_that_serves_the_operation()
    {
        using var response = await GetDocumentAsync();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(Served(f => $"{f.Name} {f.Method} {f.Path}"), Documented(document, op => $"{op.Id} {op.Method} {op.Path}"));
    }

    /// <summary>Each HTTP function that is an API operation, shown as <paramref name="show"/> says, in order.</summary>
    private static List<string> Served(Func<(string Name, string Method, string Path), string> show) => [.. FunctionsMetadata.Load()
        .Where(f => f.TriggerType == "httpTrigger" && !NotApiOperations.Contains(f.Route))
        .SelectMany(f => f.Methods.Select(m => show((f.Name, m, "/api/" + f.Route))))
        .Order()];

    /// <summary>Each operation of the document, shown as <paramref name="show"/> says, in order.</summary>
    private static List<string> Documented(JsonNode document, Func<(string? Id, string Method, string Path), string> show) => [.. document["paths"]!.AsObject()
        .SelectMany(path => path.Value!.AsObject().Select(op => show((op.Value!["operationId"]?.GetValue<string>(), op.Key.ToUpperInvariant(), path.Key))))
        .Order()];

    /// <summary>
    /// Every bounded query parameter the document names is held to the endpoint: its maximum is accepted, one past its
    /// bounds is 400, and an enum value outside the list is 400.
    /// </summary>
    [Fact]
    public async Task Every_documented_query_parameter_bound_is_what_the_endpoint_enforces()
    {
        using var response = await GetDocumentAsync();
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        var checkedBounds = 0;
        foreach (var (path, item) in paths)
        {
            if (item!["get"] is not JsonObject get || path.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var parameter in (get["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).Where(p => p["in"]!.GetValue<string>() == "query"))
            {
                var name = parameter["name"]!.GetValue<string>();
                var schema = parameter["schema"]!.AsObject();
                var url = path.TrimStart('/') + "?" + name + "=";
                if (schema["maximum"] is JsonValue max)
                {
                    Assert.True((await Get(url + max.GetValue<long>())).StatusCode != HttpStatusCode.BadRequest, $"{path} {name}={max} refused");
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + (max.GetValue<long>() + 1))).StatusCode);
                    checkedBounds++;
                }

                if (schema["minimum"] is JsonValue min)
                {
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + (min.GetValue<long>() - 1))).StatusCode);
                    checkedBounds++;
                }

                if (schema["enum"] is JsonArray)
                {
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + "not-a-listed-value")).StatusCode);
                    checkedBounds++;
                }
            }
        }

        Assert.True(checkedBounds >= 10, $"only {checkedBounds} bounds found in the document");
    }

    [Fact]
    public async Task The_documented_defaults_are_the_ones_the_code_uses()
    {
        using var response = await GetDocumentAsync();
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!;
        long Default(string path) => paths[path]!["get"]!["parameters"]!.AsArray().First(p => p!["name"]!.GetValue<string>() == "limit")!["schema"]!["default"]!.GetValue<long>();

        Assert.Equal(Functions.Sync.SyncFunctions.DefaultStatusLimit, Default("/api/sync/status"));
        Assert.Equal(Http.RequestReader.DefaultLimit, Default("/api/odoo/manufacturing-orders"));
        Assert.Equal(Http.RequestReader.DefaultLimit, Default("/api/odoo/products"));
    }

    /// <summary>
    /// The documented manufacturing-order bodies are held to the endpoints: a body with every documented field is
    /// accepted, a field the document does not list is refused with 400 naming it, and so is a body without a required one.
    /// </summary>
    [Theory]
    [InlineData("post")]
    [InlineData("put")]
    public async Task The_documented_body_fields_are_what_the_endpoint_accepts(string method)
    {
        using var response = await GetDocumentAsync();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var path = method == "post" ? "/api/odoo/manufacturing-orders" : "/api/odoo/manufacturing-orders/{id}";
        var bodySchema = document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject();
        var schema = Resolve(document, bodySchema["allOf"]?[0] ?? bodySchema);
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());

        // A valid value for every field either endpoint takes; the document must list no field without one.
        var samples = new Dictionary<string, JsonNode>
        {
            ["product_id"] = fixture.FinishedProductId(),
            ["product_qty"] = 5,
            ["qty_producing"] = 5,
            ["date_planned_start"] = "2026-12-01T09:00:00+01:00",
            ["date_deadline"] = "2026-12-05 17:00:00",
            ["origin"] = "OpenAPI " + Guid.NewGuid(),
            ["priority"] = "1",
            ["state"] = "done",
            ["backorder"] = false,
        };
        Assert.All(documented, field => Assert.True(samples.ContainsKey(field), $"no sample for documented field {field}"));
        JsonObject Body(IEnumerable<string> fields) => new(fields.Select(f => KeyValuePair.Create(f, (JsonNode?)samples[f].DeepClone())));
        string Url() => method == "post"
            ? "api/odoo/manufacturing-orders"
            : $"api/odoo/manufacturing-orders/{fixture.Odoo.Store.AddManufacturingOrder(fixture.FinishedProductId(), 5, "confirmed")}";
        var verb = method == "post" ? HttpMethod.Post : HttpMethod.Put;

        using (var all = await fixture.SendAsync(verb, Url(), Body(documented).ToJsonString()))
        {
            Assert.True(all.IsSuccessStatusCode, $"{method} with every documented field: {(int)all.StatusCode} {await all.Content.ReadAsStringAsync()}");
        }

        var withUnknown = Body(documented);
        withUnknown["not_a_documented_field"] = 1;
        using (var unknown = await fixture.SendAsync(verb, Url(), withUnknown.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("not_a_documented_field", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var field in required)
        {
            using var missing = await fixture.SendAsync(verb, Url(), Body(documented.Where(f => f != field)).ToJsonString());
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains($"'{field}'", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        if (bodySchema["allOf"]?[1]?["minProperties"] is JsonValue minProperties)
        {
            Assert.Equal(1, minProperties.GetValue<int>());
            using var empty = await fixture.SendAsync(verb, Url(), "{}");
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        string[] expectedRequired = method == "post" ? ["product_id", "product_qty"] : [];
        Assert.Equal(expectedRequired, required);
    }

    /// <summary>
    /// Every bound the document gives a body field is the one the endpoint enforces: the bound itself is accepted and
    /// one step past it is 400 naming the field (text length, minimum, exclusive minimum, listed values).
    /// </summary>
    [Theory]
    [InlineData("post")]
    [InlineData("put")]
    public async Task Every_documented_body_bound_is_what_the_endpoint_enforces(string method)
    {
        using var response = await GetDocumentAsync();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var schema = Resolve(document, document["components"]!["schemas"]![method == "post" ? "ManufacturingOrderCreate" : "ManufacturingOrderUpdate"]!);
        var checkedBounds = 0;
        foreach (var (field, property) in schema["properties"]!.AsObject())
        {
            var cases = new List<(JsonNode Value, bool Accepted)>();
            if (property!["maxLength"] is JsonValue max)
            {
                cases.Add((new string('a', max.GetValue<int>()), true));
                cases.Add((new string('a', max.GetValue<int>() + 1), false));
            }

            if (property["exclusiveMinimum"] is JsonValue exclusive)
            {
                cases.Add((exclusive.GetValue<double>(), false));
                cases.Add((exclusive.GetValue<double>() + 0.5, true));
            }

            if (property["minimum"] is JsonValue minimum && field != "product_id")
            {
                cases.Add((minimum.GetValue<double>(), true));
                cases.Add((minimum.GetValue<double>() - 0.5, false));
            }
            else if (property["minimum"] is JsonValue idMinimum)
            {
                cases.Add((idMinimum.GetValue<long>() - 1, false));
            }

            if (property["enum"] is JsonArray listed && field != "state")
            {
                cases.AddRange(listed.Select(value => (value!.DeepClone(), true)));
                cases.Add(("not-listed", false));
            }

            foreach (var (value, accepted) in cases)
            {
                var body = method == "post"
                    ? new JsonObject { ["product_id"] = fixture.FinishedProductId(), ["product_qty"] = 5 }
                    : [];
                body[field] = value;
                var url = method == "post"
                    ? "api/odoo/manufacturing-orders"
                    : $"api/odoo/manufacturing-orders/{fixture.Odoo.Store.AddManufacturingOrder(fixture.FinishedProductId(), 5, "draft")}";
                using var answer = await fixture.SendAsync(method == "post" ? HttpMethod.Post : HttpMethod.Put, url, body.ToJsonString());
                var text = await answer.Content.ReadAsStringAsync();
                if (accepted)
                {
                    Assert.True(answer.IsSuccessStatusCode, $"{method} {field}={value.ToJsonString()} refused: {(int)answer.StatusCode} {text}");
                }
                else
                {
                    Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
                    Assert.Contains($"'{field}'", text, StringComparison.Ordinal);
                }

                checkedBounds++;
            }
        }

        Assert.True(checkedBounds >= (method == "post" ? 8 : 9), $"only {checkedBounds} body bounds checked");
    }

    private Task<HttpResponseMessage> Get(string url) => fixture.SendAsync(HttpMethod.Get, url);

    /// <summary>The component a <c>$ref</c> names.</summary>
    internal static JsonObject Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is JsonValue reference
            ? document["components"]!["schemas"]![reference.GetValue<string>()["#/components/schemas/".Length..]]!.AsObject()
            : schema.AsObject();

    /// <summary>Anonymous, and outside the contract check: the document does not list itself.</summary>
    private async Task<HttpResponseMessage> GetDocumentAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OpenApiContract.DocumentPath).Undocumented("the OpenAPI document itself");
        return await fixture.App.Client.SendAsync(request);
    }
}
