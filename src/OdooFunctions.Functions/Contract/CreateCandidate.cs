namespace OdooFunctions.Functions.Contract;

/// <summary>An order in Odoo that an unfinished create may have made.</summary>
public sealed record CreateCandidate(long Id, string Name);
