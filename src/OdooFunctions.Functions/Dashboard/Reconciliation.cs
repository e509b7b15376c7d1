using System.Diagnostics.CodeAnalysis;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>What the <see cref="OrderReconciler"/> decided for one order: the PATCH to send, or none, and why.</summary>
public sealed record Reconciliation(ReconcileReason Reason, DashboardOrderPatch? Patch = null)
{
    /// <summary>True when <see cref="Patch"/> is to be sent.</summary>
    [MemberNotNullWhen(true, nameof(Patch))]
    public bool Patches => Patch is not null;
}
