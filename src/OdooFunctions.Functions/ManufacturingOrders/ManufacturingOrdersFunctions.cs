using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.ManufacturingOrders;

public sealed class ManufacturingOrdersFunctions(ManufacturingOrderService orders, ManufacturingOrderCreator creator, ManufacturingOrderWorkflow workflow)
{
    private const string Route = "odoo/manufacturing-orders";

    [Function("ListManufacturingOrders")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        var limit = RequestReader.Limit(request);
        var offset = RequestReader.Offset(request);
        var state = RequestReader.OptionalChoice(request, "state", [.. MoState.All.Select(s => s.OdooName)]) is { } name ? MoState.Parse(name) : null;
        return ApiResponses.List(await orders.ListAsync(state, limit, offset, request.HttpContext.RequestAborted));
    }

    [Function("GetManufacturingOrder")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{id}")] HttpRequest request, string id) =>
        ApiResponses.Item(await orders.GetRequiredAsync(RequestReader.Id(id), request.HttpContext.RequestAborted));

    [Function("CreateManufacturingOrder")]
    public async Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request)
    {
        var create = ManufacturingOrderCreate.From(
            await RequestReader.JsonBodyAsync(request, ManufacturingOrderJsonContext.Default.ManufacturingOrderCreateBody, request.HttpContext.RequestAborted));
        var idempotencyKey = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key
            ? key.Length <= 200 ? key : throw ApiException.BadRequest("'Idempotency-Key' must be at most 200 characters.")
            : null;
        var outcome = await creator.CreateAsync(create, idempotencyKey, request.HttpContext.RequestAborted);
        var result = outcome.Duplicate
            ? ApiResponses.Item(outcome.Order, "Manufacturing order already created in Odoo by an earlier identical request")
            : ApiResponses.Item(outcome.Order, "Manufacturing order created successfully in Odoo", StatusCodes.Status201Created);
        result.Body["duplicate"] = outcome.Duplicate;
        result.Headers["Location"] = $"/api/{Route}/{outcome.Order["id"]}";
        return result;
    }

    [Function("UpdateManufacturingOrder")]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route + "/{id}")] HttpRequest request, string id)
    {
        var orderId = RequestReader.Id(id);
        var update = ManufacturingOrderUpdate.From(
            await RequestReader.JsonBodyAsync(request, ManufacturingOrderJsonContext.Default.ManufacturingOrderUpdateBody, request.HttpContext.RequestAborted));
        var outcome = await workflow.UpdateAsync(orderId, update, request.HttpContext.RequestAborted);
        if (outcome.NotApplied.Count == 0)
        {
            return ApiResponses.Item(outcome.Order, "Manufacturing order updated in Odoo");
        }

        var result = ApiResponses.Item(outcome.Order,
            $"Manufacturing order updated in Odoo, but Odoo kept its own value for: {string.Join(", ", outcome.NotApplied.Select(n => n.Field))}");
        result.Body["not_applied"] = new JsonArray([.. outcome.NotApplied.Select(n => new JsonObject
        {
            ["field"] = n.Field,
            ["requested"] = n.Requested?.DeepClone(),
            ["actual"] = n.Actual?.DeepClone(),
        })]);
        return result;
    }
}
