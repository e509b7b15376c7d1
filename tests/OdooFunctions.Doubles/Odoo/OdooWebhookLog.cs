using System.Collections.Concurrent;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>Every webhook POST the double sent or tried to send, in order. Thread-safe.</summary>
public sealed class OdooWebhookLog
{
    private readonly ConcurrentQueue<OdooWebhookDelivery> _deliveries = new();

    public int Count => _deliveries.Count;

    public IReadOnlyList<OdooWebhookDelivery> Snapshot() => [.. _deliveries];

    public void Reset() => _deliveries.Clear();

    internal void Add(OdooWebhookDelivery delivery) => _deliveries.Enqueue(delivery);
}
