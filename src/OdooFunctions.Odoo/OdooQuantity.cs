namespace OdooFunctions.Odoo;

/// <summary>
/// Odoo's quantities are floats: a read gives values like <c>14.200000000000001</c> for what was written as 14.2, so
/// two quantities are the same when they are within <see cref="Tolerance"/> of each other. The one tolerance every
/// comparison with an Odoo quantity uses.
/// </summary>
public static class OdooQuantity
{
    /// <summary>A millionth: far below any unit of measure's rounding, far above a float's error on such values.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>True when <paramref name="odoo"/> and <paramref name="other"/> are within <see cref="Tolerance"/>.</summary>
    public static bool Same(double odoo, double other) => Math.Abs(odoo - other) <= Tolerance;
}
