using System.Diagnostics;
using OdooFunctions.Odoo.Wire;

namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// The span and the histogram cost nothing on the hot path while nobody listens (no tracer or meter takes the client's
/// source): no span is created and nothing is allocated. Nothing in this test project listens; the spans themselves are
/// tested through the app's container (OdooFunctions.Functions.Tests, Telemetry).
/// </summary>
public sealed class OdooTelemetryTests
{
    [Fact]
    public void With_no_listener_a_call_starts_no_span_records_nothing_and_allocates_nothing()
    {
        var call = new OdooCall { Operation = OdooOperation.SearchRead, Model = "mrp.production" };
        Assert.False(OdooTelemetry.Source.HasListeners());
        Assert.False(OdooTelemetry.CallDuration.Enabled);
        Assert.Null(OdooTelemetry.StartCall(call, OdooTelemetry.Json2));

        Trace(call);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            Trace(call);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(nameof(OdooOperation.SearchRead), OdooProtocol.Json2, "json2")]
    [InlineData(nameof(OdooOperation.Write), OdooProtocol.JsonRpc, "jsonrpc")]
    [InlineData(nameof(OdooOperation.Version), OdooProtocol.Json2, "jsonrpc")]
    [InlineData(nameof(OdooOperation.Authenticate), OdooProtocol.Json2, "jsonrpc")]
    public void The_protocol_tag_is_the_one_on_the_wire(string operation, OdooProtocol session, string expected) =>
        Assert.Equal(expected, OdooTelemetry.WireProtocol(new OdooCall { Operation = (OdooOperation)typeof(OdooOperation).GetField(operation)!.GetValue(null)!, Model = "m" }, session));

    private static void Trace(OdooCall call)
    {
        var started = Stopwatch.GetTimestamp();
        var protocol = OdooTelemetry.WireProtocol(call, OdooProtocol.Json2);
        var activity = OdooTelemetry.StartCall(call, protocol);
        OdooTelemetry.EndCall(activity, call, protocol, "OdooValidationException", started);
    }
}
