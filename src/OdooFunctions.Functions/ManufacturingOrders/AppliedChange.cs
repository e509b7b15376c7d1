using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>A field (or the state) that Odoo now holds differently from before a request that failed part-way.</summary>
public sealed record AppliedChange(string Field, JsonNode? Before, JsonNode? Now);
