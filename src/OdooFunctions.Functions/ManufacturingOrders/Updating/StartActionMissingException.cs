namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// Starting production without a quantity needs Odoo's <c>action_start</c>, which arrived with Odoo 18: on older
/// servers production starts by recording a quantity.
/// </summary>
public sealed class StartActionMissingException(string? serverVersion) : Exception(serverVersion is null
    ? "This Odoo has no 'start' action: send 'qty_producing' with \"state\": \"progress\" to start production."
    : $"Odoo {serverVersion} has no 'start' action: send 'qty_producing' with \"state\": \"progress\" to start production.");
