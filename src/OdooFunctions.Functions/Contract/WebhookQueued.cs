using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Contract;

/// <summary>The webhook receiver's answer: the manufacturing order whose change was queued for the push processor.</summary>
public sealed record WebhookQueued(long MoId, [property: AllowedValues(true)] bool Queued = true);
