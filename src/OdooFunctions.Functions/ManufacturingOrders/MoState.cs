using System.Diagnostics.CodeAnalysis;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// A state of Odoo's <c>mrp.production</c>: its name in Odoo and the states an update may ask for from it. The six
/// instances are the only ones, so states compare by reference.
/// A name Odoo sends that is none of them is not guessed at: <see cref="TryParse"/> says no, and callers report it.
/// </summary>
public sealed class MoState
{
    public static MoState Draft { get; } = new("draft");

    public static MoState Confirmed { get; } = new("confirmed");

    public static MoState Progress { get; } = new("progress");

    public static MoState ToClose { get; } = new("to_close");

    public static MoState Done { get; } = new("done");

    public static MoState Cancel { get; } = new("cancel");

    /// <summary>Every state, in Odoo's order.</summary>
    public static IReadOnlyList<MoState> All { get; } = [Draft, Confirmed, Progress, ToClose, Done, Cancel];

    /// <summary>The states an update may ask for: each is reached through Odoo's own action, and no action goes back to draft.</summary>
    public static IReadOnlyList<MoState> Settable { get; } = [Confirmed, Progress, ToClose, Done, Cancel];

    /// <summary>The states an update may ask for from each state; anything else is refused before Odoo is changed.</summary>
    private static readonly Dictionary<MoState, MoState[]> Transitions = new()
    {
        [Draft] = [Confirmed, Progress, ToClose, Done, Cancel],
        [Confirmed] = [Confirmed, Progress, ToClose, Done, Cancel],
        [Progress] = [Progress, ToClose, Done, Cancel],
        [ToClose] = [Progress, ToClose, Done, Cancel],

        // Cancelling a done order is left to Odoo to refuse, so the caller gets Odoo's reason.
        [Done] = [Done, Cancel],
        [Cancel] = [Cancel],
    };

    private MoState(string odooName)
    {
        OdooName = odooName;
    }

    /// <summary>The selection value in Odoo (<c>to_close</c>).</summary>
    public string OdooName { get; }

    /// <summary>The states an update may ask for from this one (asking for the state itself changes only fields).</summary>
    public IReadOnlyList<MoState> Targets => Transitions[this];

    public bool CanBecome(MoState target) => Transitions[this].Contains(target);

    /// <summary>
    /// Whether an order read back in this state has reached <paramref name="target"/> once Odoo is done computing:
    /// a started order whose quantity is all recorded is <c>to_close</c>, and that counts as in progress.
    /// </summary>
    public bool HasReached(MoState target) => this == target || (target == Progress && this == ToClose);

    /// <summary>The state Odoo names <paramref name="odooName"/> (exactly: Odoo's names are lower case), or false.</summary>
    public static bool TryParse([NotNullWhen(true)] string? odooName, [NotNullWhen(true)] out MoState? state)
    {
        state = All.FirstOrDefault(s => string.Equals(s.OdooName, odooName, StringComparison.Ordinal));
        return state is not null;
    }

    /// <summary>The state Odoo names <paramref name="odooName"/>, or null for a name the guide does not map (left alone and reported, never guessed).</summary>
    public static MoState? Find(string? odooName) => TryParse(odooName, out var state) ? state : null;

    public static MoState Parse(string odooName) =>
        TryParse(odooName, out var state)
            ? state
            : throw new FormatException($"'{odooName}' is not a manufacturing-order state ({string.Join(", ", All)}).");

    public override string ToString() => OdooName;
}
