namespace OdooFunctions.Odoo.Releases;

/// <summary>One value made for each row of <see cref="OdooRelease"/>, up front: what a model's fields look like on each release.</summary>
public sealed class PerRelease<T>
{
    private readonly Dictionary<OdooRelease, T> _values;

    public PerRelease(Func<OdooRelease, T> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        _values = OdooRelease.All.ToDictionary(release => release, make);
    }

    public T this[OdooRelease release] => _values[release];
}
