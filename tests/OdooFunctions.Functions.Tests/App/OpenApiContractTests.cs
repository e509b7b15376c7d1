using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.FunctionsHost.OpenApi;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>The contract check every test's answers pass through (<see cref="OpenApiContractHandler"/>), held to a small 3.1 document.</summary>
public sealed class OpenApiContractTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    private const string Document = """
        {
          "openapi": "3.1.0",
          "servers": [{ "url": "/" }],
          "paths": {
            "/api/items/{id}": {
              "get": {
                "operationId": "GetItem",
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ItemEnvelope" } } } },
                  "404": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/api/items/latest": {
              "get": { "operationId": "GetLatest", "responses": { "204": { "description": "Nothing new" } } }
            }
          },
          "components": {
            "responses": {
              "Error": { "description": "Failed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": {
              "ItemEnvelope": {
                "type": "object", "required": ["success", "data"],
                "properties": { "success": { "const": true }, "data": { "$ref": "#/components/schemas/Item" } }
              },
              "Item": {
                "type": "object", "required": ["id", "name"],
                "properties": { "id": { "type": "integer", "exclusiveMinimum": 0 }, "name": { "type": "string" }, "origin": { "type": ["string", "null"] } }
              },
              "Error": {
                "type": "object", "required": ["success", "error"],
                "properties": { "success": { "const": false }, "error": { "type": "object", "required": ["code"], "properties": { "code": { "type": "string" } } } }
              }
            }
          }
        }
        """;

    private static readonly OpenApiContract Contract = OpenApiContract.Parse(Document);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private static IReadOnlyList<string> Check(string method, string path, int status, string? body) =>
        Contract.Check(method, path, status, body is null ? null : Json, body is null ? [] : Encoding.UTF8.GetBytes(body));

    [Fact]
    public void An_answer_that_matches_its_status_schema_passes_refs_and_3_1_type_lists_included()
    {
        Assert.Empty(Check("GET", "/api/items/7", 200, """{"success":true,"data":{"id":7,"name":"MO/00007","origin":null}}"""));
        Assert.Empty(Check("GET", "/api/items/7", 404, """{"success":false,"error":{"code":"NOT_FOUND"}}"""));
    }

    [Fact]
    public void A_body_the_schema_refuses_names_the_operation_the_JSON_path_and_what_the_schema_wanted()
    {
        var violation = Assert.Single(Check("GET", "/api/items/7", 200, """{"success":true,"data":{"id":"7","name":"MO/00007"}}"""));

        Assert.Contains("GetItem (GET /api/items/{id}) 200", violation, StringComparison.Ordinal);
        Assert.Contains("at $.data.id the schema wants type", violation, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/Item/properties/id", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_given_by_ref_is_followed_to_its_schema()
    {
        var violation = Assert.Single(Check("GET", "/api/items/7", 404, """{"success":false,"error":{}}"""));

        Assert.Contains("at $.error the schema wants required", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_the_operation_does_not_list_is_a_violation_naming_the_listed_ones()
    {
        var violation = Assert.Single(Check("GET", "/api/items/7", 500, """{"success":false,"error":{"code":"INTERNAL_ERROR"}}"""));

        Assert.Equal("GetItem (GET /api/items/{id}) does not list status 500 (it lists 200, 404)", violation);
    }

    [Fact]
    public void A_concrete_path_wins_over_a_template_and_a_bodiless_status_refuses_a_body()
    {
        Assert.Equal("GetLatest", Contract.Find("GET", "/api/items/latest")!.OperationId);
        Assert.Equal("GetItem", Contract.Find("get", "/api/items/12")!.OperationId);
        Assert.Empty(Check("GET", "/api/items/latest", 204, null));
        Assert.Contains("documents no body", Assert.Single(Check("GET", "/api/items/latest", 204, "{}")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_or_method_the_document_lacks_is_a_violation()
    {
        Assert.Equal("the document has no path for it", Assert.Single(Check("GET", "/api/orders", 404, "{}")));
        Assert.Equal("the document has no DELETE operation for it (only GET)", Assert.Single(Check("DELETE", "/api/items/7", 405, null)));
    }

    [Fact]
    public void A_body_of_another_media_type_than_documented_is_a_violation()
    {
        var violation = Assert.Single(Contract.Check("GET", "/api/items/7", 200, new MediaTypeHeaderValue("text/html"), "<html/>"u8.ToArray()));

        Assert.Contains("documents application/json, but the answer is text/html", violation, StringComparison.Ordinal);
    }

    /// <summary>The tests' answers arrive on many threads: the first checks of one schema must not race to build it.</summary>
    [Fact]
    public void Checks_arriving_at_once_on_a_fresh_contract_all_get_their_verdicts()
    {
        var contract = OpenApiContract.Parse(Document);
        const int checks = 16;
        var verdicts = new IReadOnlyList<string>[checks];
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        // Threads of their own, released together (the thread pool would start them a second apart on two cores).
        using var start = new Barrier(checks);
        var threads = Enumerable.Range(0, checks).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                verdicts[i] = i % 2 == 0
                    ? contract.Check("GET", $"/api/items/{i + 1}", 200, Json, Encoding.UTF8.GetBytes($"{{\"success\":true,\"data\":{{\"id\":{i + 1},\"name\":\"x\"}}}}"))
                    : contract.Check("GET", $"/api/items/{i + 1}", 404, Json, Encoding.UTF8.GetBytes("""{"success":false,"error":{"code":"NOT_FOUND"}}"""));
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.All(verdicts, Assert.Empty);
    }

    [Fact]
    public void An_OpenAPI_3_0_document_is_refused_since_its_schemas_are_not_JSON_Schema_2020_12()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => OpenApiContract.Parse("""{"openapi":"3.0.3","paths":{}}"""));

        Assert.Contains("3.0.3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_hosts_client_fails_on_a_route_the_apps_document_lacks_unless_the_request_says_why()
    {
        var failure = await Assert.ThrowsAsync<OpenApiContractViolationException>(() => fixture.SendAsync(HttpMethod.Get, "api/odoo/invoices"));
        Assert.Contains("GET /api/odoo/invoices answered 404", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the document has no path for it", failure.Message, StringComparison.Ordinal);

        using var marked = await fixture.SendAsync(HttpMethod.Get, "api/odoo/invoices", configure: r => r.Undocumented("a route that does not exist, on purpose"));
        Assert.Equal(HttpStatusCode.NotFound, marked.StatusCode);
    }

    [Fact]
    public async Task The_test_hosts_client_passes_a_documented_answer_and_leaves_its_body_readable()
    {
        using var answer = await fixture.SendAsync(HttpMethod.Get, "api/odoo/products?limit=2");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, (await OdooAppFixture.BodyAsync(answer))["count"]!.GetValue<int>());
    }
}
