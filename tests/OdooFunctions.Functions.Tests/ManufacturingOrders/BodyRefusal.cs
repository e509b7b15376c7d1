using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

/// <summary>What the caller is told when reading a body refuses it: a 400 VALIDATION_ERROR and its message.</summary>
internal static class BodyRefusal
{
    public static string Of(Action read)
    {
        var refusal = Assert.Throws<ApiException>(read);
        Assert.Equal((400, "VALIDATION_ERROR"), (refusal.StatusCode, refusal.Code));
        return refusal.Message;
    }
}
