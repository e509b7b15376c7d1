namespace OdooFunctions.Functions.Push;

/// <summary>What processing a webhook for one MO came to.</summary>
public enum MoChangeOutcome
{
    /// <summary>At least one linked order was PATCHed.</summary>
    Patched,

    /// <summary>Every linked order already showed what Odoo holds (or keeps a status on purpose).</summary>
    Unchanged,

    /// <summary>Odoo has not committed the change yet: the message went back on the queue with a delay.</summary>
    Rechecking,

    /// <summary>Still not visible after the last re-check: left to the timer.</summary>
    LeftToTimer,

    /// <summary>No dashboard order links this MO.</summary>
    NotLinked,

    /// <summary>The MO's state is not one the guide maps; reported, never guessed.</summary>
    UnknownState,
}

/// <summary>The outcome for one MO, and how many orders were PATCHed.</summary>
public sealed record MoChangeResult(long MoId, MoChangeOutcome Outcome, int Patched = 0);
