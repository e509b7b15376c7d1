namespace OdooFunctions.Functions.Dashboard;

/// <summary>The body of <c>PATCH /orders/{id}</c> on the dashboard: the status and produced quantity its MO now has.</summary>
public sealed record DashboardOrderPatch(string Status, double QtyProduced);
