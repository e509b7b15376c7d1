using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Contract;

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
            ? key.Length <= 200 ? key : throw new InvalidRequestException("'Idempotency-Key' must be at most 200 characters.")
            : null;
        var outcome = await creator.CreateAsync(create, idempotencyKey, request.HttpContext.RequestAborted);
        var result = ApiResult.Json(
            outcome.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status201Created,
            new CreatedEnvelope(
                outcome.Duplicate ? "Manufacturing order already created in Odoo by an earlier identical request" : "Manufacturing order created successfully in Odoo",
                outcome.Order,
                outcome.Duplicate),
            ApiJsonContext.Default.CreatedEnvelope);
        result.Headers["Location"] = $"/api/{Route}/{outcome.Order.Id}";
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
        var envelope = outcome.NotApplied.Count == 0
            ? new UpdatedEnvelope("Manufacturing order updated in Odoo", outcome.Order)
            : new UpdatedEnvelope(
                $"Manufacturing order updated in Odoo, but Odoo kept its own value for: {string.Join(", ", outcome.NotApplied.Select(n => n.Field))}",
                outcome.Order) { NotApplied = outcome.NotApplied };
        return ApiResult.Json(StatusCodes.Status200OK, envelope, ApiJsonContext.Default.UpdatedEnvelope);
    }
}
