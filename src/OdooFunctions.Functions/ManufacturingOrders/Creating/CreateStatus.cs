namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>Where a create request stands: <c>reserved → created(mo id) | failed</c>.</summary>
public enum CreateStatus
{
    /// <summary>A request owns the claim until <see cref="CreateRecord.LeaseUntil"/>; whether it made an order is not known yet.</summary>
    Reserved,

    /// <summary>The order exists in Odoo; its id is known.</summary>
    Created,

    /// <summary>Odoo refused the create: nothing was made, a retry may create.</summary>
    Failed,
}
