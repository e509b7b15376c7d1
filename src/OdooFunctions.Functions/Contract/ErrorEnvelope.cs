using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Contract;

/// <summary>
/// Every refusal and failure: <c>{success: false, message, error: {code}}</c>, plus what the failure has to say beside it
/// (what Odoo was left holding, the orders a retry could mean, the sync run that failed).
/// </summary>
public sealed record ErrorEnvelope(
    [property: JsonPropertyOrder(1), Description("For people: says what happened and what to do; never a traceback or a secret.")] string Message,
    [property: JsonPropertyOrder(2)] ApiError Error)
{
    [JsonPropertyOrder(0), AllowedValues(false)]
    public bool Success { get; } = false;

    /// <summary>A write that failed part-way: what Odoo now holds differently (never a hidden change).</summary>
    [JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("A write failed part-way: each field or state Odoo now holds differently.")]
    public IReadOnlyList<AppliedChange>? Applied { get; init; }

    [JsonPropertyOrder(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("False when the order could not be read back: applied then lists what may have changed.")]
    public bool? AppliedVerified { get; init; }

    [JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("AMBIGUOUS_CREATE: the orders a retried create could stand for.")]
    public IReadOnlyList<CreateCandidate>? Candidates { get; init; }

    [JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("SYNC_FAILED: the record of the run that failed.")]
    public SyncRun? Data { get; init; }
}

/// <summary>The error's code (one of <see cref="ApiErrorCodes"/>) and, for <c>ODOO_WIZARD</c>, the wizard Odoo opened.</summary>
public sealed record ApiError([property: JsonPropertyOrder(0)] string Code)
{
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The Odoo wizard that asks for a decision (e.g. mrp.consumption.warning).")]
    public string? Wizard { get; init; }
}
