using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders;

/// <summary>What the caller is told when reading a body refuses it: a 400 VALIDATION_ERROR and its message.</summary>
internal static class BodyRefusal
{
    public static string Of(Action read)
    {
        var refusal = Assert.Throws<InvalidRequestException>(read);
        var (status, code, message) = AppErrors.AnswerTo(refusal);
        Assert.Equal((400, "VALIDATION_ERROR", refusal.Message), (status, code, message));
        return refusal.Message;
    }
}
