namespace OdooFunctions.Doubles.Dashboard;

/// <summary>One request the double received: method, path with query, body text (null when empty), and the answer's status.</summary>
public sealed record DashboardRequestRecord(string Method, string PathAndQuery, string? Body, int Status, long? ContentLength = null, DateTimeOffset ReceivedAt = default);
