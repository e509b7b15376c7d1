namespace OdooFunctions.Doubles.Dashboard;

/// <summary>How the loopback dashboard API double answers.</summary>
public sealed class DashboardDoubleOptions
{
    /// <summary>A fixed token for tests; it only opens the double.</summary>
    public const string DemoToken = "test-dashboard-token-0123456789abcdef";

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; set; } = DemoToken;

    /// <summary>The shape of <c>GET /orders</c>.</summary>
    public DashboardListShape ListShape { get; set; } = DashboardListShape.Envelope;

    /// <summary>Orders per page for the paged shapes.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The loopback port; 0 takes a free one.</summary>
    public int Port { get; set; }

    public override string ToString() => $"DashboardDoubleOptions {{ Token = ***, ListShape = {ListShape}, PageSize = {PageSize}, Port = {Port} }}";
}

/// <summary>How <c>GET /orders</c> answers: the shapes a dashboard API is seen to use.</summary>
public enum DashboardListShape
{
    /// <summary><c>[ {...}, ... ]</c></summary>
    BareArray,
    /// <summary><c>{success, count, data: [...]}</c>, every order at once.</summary>
    Envelope,
    /// <summary><c>{success, count, data, page, pages}</c>; <c>?page=N</c> (1-based) picks a page.</summary>
    PagedByNumber,
    /// <summary><c>{success, count, data, next}</c> where <c>next</c> is a relative link or null on the last page.</summary>
    PagedByNextLink,
}
