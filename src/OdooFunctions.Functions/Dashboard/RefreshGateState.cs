namespace OdooFunctions.Functions.Dashboard;

/// <summary>What the app-wide <see cref="IndexRefreshGate"/> said.</summary>
public enum RefreshGateState
{
    /// <summary>This caller may list the dashboard and rewrite the index now.</summary>
    Opened,

    /// <summary>Another instance opened it moments ago and has not finished.</summary>
    RunningElsewhere,

    /// <summary>Refreshed within the interval: the index is as fresh as it gets.</summary>
    NotDue,
}
