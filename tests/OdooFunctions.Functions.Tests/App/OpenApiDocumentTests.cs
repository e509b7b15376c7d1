using System.Text.Json.Nodes;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.OpenApi;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>The generated document on its own (no server): complete, consistent, and held to the code's own lists.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocument.Build();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key, operation.Value!.AsObject());

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Descendants).Prepend(o),
        JsonArray a => a.SelectMany(Descendants).Prepend(a),
        null => [],
        _ => [node],
    };

    [Fact]
    public void Is_OpenAPI_3_1_with_servers_a_licence_and_a_tag_for_every_operation()
    {
        Assert.Equal("3.1.0", Document["openapi"]!.GetValue<string>());
        Assert.NotEmpty(Document["servers"]!.AsArray());
        Assert.NotNull(Document["info"]!["license"]!["name"]);
        var tags = Document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet();
        Assert.All(Operations(), op => Assert.Contains(op.Operation["tags"]![0]!.GetValue<string>(), tags));
    }

    [Fact]
    public void Each_operation_id_is_the_name_of_the_function_that_serves_its_route()
    {
        var functions = FunctionsMetadata.Load().Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m.ToUpperInvariant()} /api/{f.Route}", f.Name)))
            .ToDictionary(f => f.Key, f => f.Name);
        foreach (var (path, method, operation) in Operations())
        {
            Assert.Equal(functions[$"{method.ToUpperInvariant()} {path}"], operation["operationId"]!.GetValue<string>());
        }

        Assert.Equal(Operations().Count(), Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void Every_reference_names_a_component_and_every_component_is_used()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        var references = Descendants(Document).OfType<JsonObject>()
            .Where(o => o["$ref"] is JsonValue).Select(o => o["$ref"]!.GetValue<string>()).ToHashSet();
        Assert.All(references, reference => Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), $"{reference} names no component"));
        Assert.All(schemas.Select(s => s.Key), name => Assert.Contains($"#/components/schemas/{name}", references));
    }

    [Fact]
    public void Every_answer_of_every_operation_has_a_schema_and_errors_name_their_codes()
    {
        foreach (var (path, method, operation) in Operations())
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var schema = response!["content"]!["application/json"]!["schema"]!;
                Assert.True(schema["$ref"] is not null || schema["allOf"] is not null, $"{method} {path} {status} has no schema");
                if (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) >= 400)
                {
                    Assert.NotEmpty(schema["allOf"]![1]!["properties"]!["error"]!["properties"]!["code"]!["enum"]!.AsArray());
                }
            }
        }
    }

    [Fact]
    public void The_documented_error_codes_are_exactly_the_ones_the_app_answers_except_a_cancelled_request()
    {
        var documented = Operations()
            .SelectMany(op => op.Operation["responses"]!.AsObject())
            .SelectMany(r => r.Value!["content"]!["application/json"]!["schema"]!["allOf"]?[1]?["properties"]?["error"]?["properties"]?["code"]?["enum"]?.AsArray() ?? [])
            .Select(code => code!.GetValue<string>())
            .ToHashSet();

        // 499: the caller went away, so nobody receives it.
        Assert.Equal(ApiErrorCodes.All.Where(code => code != ApiErrorCodes.Cancelled).Order(), documented.Order());
    }

    [Fact]
    public void The_state_enums_are_the_rules_own()
    {
        var schemas = Document["components"]!["schemas"]!;
        Assert.Equal(MoState.All.Select(s => s.OdooName), schemas["ManufacturingOrder"]!["properties"]!["state"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(MoState.Settable.Select(s => s.OdooName), schemas["ManufacturingOrderUpdate"]!["properties"]!["state"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var query = Document["paths"]!["/api/odoo/manufacturing-orders"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "state")!;
        Assert.Equal(MoState.All.Select(s => s.OdooName), query["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Odoos_empty_false_and_many2one_are_in_the_record_schemas()
    {
        var product = Document["components"]!["schemas"]!["Product"]!["properties"]!;
        Assert.False(product["barcode"]!["anyOf"]![1]!["const"]!.GetValue<bool>());
        Assert.Equal("#/components/schemas/Many2One", product["categ_id"]!["anyOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("number", product["list_price"]!["type"]!.GetValue<string>());
        var many2One = Document["components"]!["schemas"]!["Many2One"]!;
        Assert.Equal(2, many2One["prefixItems"]!.AsArray().Count);
    }

    [Fact]
    public void Every_field_of_an_answer_is_required_unless_it_is_left_out_when_empty()
    {
        var error = Document["components"]!["schemas"]!["ErrorEnvelope"]!;
        Assert.Equal(["success", "message", "error"], error["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var order = Document["components"]!["schemas"]!["ManufacturingOrder"]!;
        Assert.Equal(order["properties"]!.AsObject().Select(p => p.Key), order["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
