using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Updating;

using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

/// <summary>A body read as its wire record (<see cref="RequestReader.JsonBodyAsync"/>, <see cref="RequestRecord"/>): refused the same ways a JSON object body is.</summary>
public sealed class RequestRecordTests
{
    private static Task<ManufacturingOrderUpdateBody> ReadAsync(string body)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        return RequestReader.JsonBodyAsync(context.Request, ManufacturingOrderJsonContext.Default.ManufacturingOrderUpdateBody, CancellationToken.None);
    }

    private static async Task<(int StatusCode, string Code, string Message)> RefusalAsync(string body) =>
        AppErrors.AnswerTo(await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(body)));

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("\"done\"")]
    public async Task A_body_that_is_not_an_object_is_refused_before_any_field(string body)
    {
        var refusal = await RefusalAsync(body);
        Assert.Equal((400, "VALIDATION_ERROR", "The request body must be a JSON object."), (refusal.StatusCode, refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task A_repeated_key_is_named_before_unknown_fields()
    {
        var refusal = await RefusalAsync("""{"colour": 1, "state": "done", "state": "cancel"}""");
        Assert.Equal((400, "DUPLICATE_KEY", "The request body has the key 'state' more than once; send each field once."), (refusal.StatusCode, refusal.Code, refusal.Message));
    }

    [Theory]
    [InlineData("", "VALIDATION_ERROR", "The request body is empty; a JSON object is expected.")]
    [InlineData("{\"state\": \"done\",}", "INVALID_JSON", "The request body is not valid JSON.")]
    public async Task An_empty_or_malformed_body_is_refused_as_before(string body, string code, string message)
    {
        var refusal = await RefusalAsync(body);
        Assert.Equal((400, code, message), (refusal.StatusCode, refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task A_field_keeps_what_was_sent_as_JSON_and_an_absent_one_is_undefined()
    {
        // Only the body's own members are mapped: an object inside a field is the field's check to refuse, not the serializer's.
        var body = await ReadAsync("""{"origin": {"colour": 1}, "backorder": null}""");
        Assert.Equal(("""{"colour": 1}""", JsonValueKind.Null, JsonValueKind.Undefined), (body.Origin.GetRawText(), body.Backorder.ValueKind, body.State.ValueKind));
    }
}
