using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// One page of the dashboard's <c>GET /orders</c>, in each shape it is accepted in: a bare array of orders (then the
/// only page), or an <see cref="DashboardOrderEnvelope"/>. Reading never fails on a value of an unexpected type
/// (<see cref="DashboardOrderPageConverter"/>): <see cref="DashboardOrdersClient.ReadPage"/> judges the page, in the
/// order it always has (the envelope's <c>success</c> before any order).
/// </summary>
/// <param name="Orders">The bare array's entries (null for a non-object entry); null when the page is no array.</param>
/// <param name="Envelope">The page when it is an object.</param>
[JsonConverter(typeof(DashboardOrderPageConverter))]
internal sealed record DashboardOrderPage(IReadOnlyList<DashboardOrderEntry?>? Orders, DashboardOrderEnvelope? Envelope);

/// <summary>
/// <c>{success, data: [...]}</c>, its pagination on it or under <c>pagination</c>. A value of another type than
/// expected reads as absent: <c>success</c> counts only as true or false, <c>data</c> only as an array,
/// <c>pagination</c> only as an object.
/// </summary>
internal sealed record DashboardOrderEnvelope(
    [property: JsonConverter(typeof(BoolOnlyConverter))] bool? Success,
    [property: JsonConverter(typeof(DashboardOrderListConverter))] IReadOnlyList<DashboardOrderEntry?>? Data,
    [property: JsonConverter(typeof(DashboardPaginationConverter))] DashboardPagination? Pagination,
    [property: JsonConverter(typeof(ReadableTextConverter))] Readable<string?> Next,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> Page,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> Pages,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> TotalPages)
{
    /// <summary>Where the page keeps its pagination: the <c>pagination</c> object, else the envelope itself.</summary>
    [JsonIgnore]
    public DashboardPagination PaginationHolder => Pagination ?? new(Next, Page, Pages, TotalPages);
}

/// <summary>Pagination as dashboards commonly carry it: a <c>next</c> link, or <c>page</c> with <c>pages</c>/<c>total_pages</c>.</summary>
internal sealed record DashboardPagination(
    [property: JsonConverter(typeof(ReadableTextConverter))] Readable<string?> Next,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> Page,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> Pages,
    [property: JsonConverter(typeof(ReadableWholeNumberConverter))] Readable<int?> TotalPages)
{
    /// <summary>The page count: <c>pages</c>, or <c>total_pages</c> when there is no <c>pages</c>; none when <c>pages</c> is there but no whole number.</summary>
    [JsonIgnore]
    public int? PageCount => Pages.Unreadable ? null : Pages.Value ?? TotalPages.Value;
}

/// <summary>
/// An order as <c>GET /orders</c> lists it. The dashboard is loose about types, so each value is read by its own rule:
/// <c>_id</c> is non-empty text or a whole number (null: none); <c>odoo_mo_id</c> a positive whole number, also as a
/// float or as digits (0: no link); <c>status</c> text; <c>qty_produced</c> a number or numeric text, missing meaning 0.
/// </summary>
internal sealed record DashboardOrderEntry(
    [property: JsonPropertyName("_id"), JsonConverter(typeof(DashboardOrderIdConverter))] string? Id,
    [property: JsonConverter(typeof(MoIdConverter))] long OdooMoId,
    [property: JsonConverter(typeof(ReadableTextConverter))] Readable<string?> Status,
    [property: JsonConverter(typeof(QuantityConverter))] Readable<double> QtyProduced)
{
    public DashboardOrder ToOrder() => new(
        Id ?? throw new DashboardUnexpectedResponseException("Dashboard API: an order in GET /orders has no _id."),
        OdooMoId,
        Status.Value,
        QtyProduced.Unreadable ? null : QtyProduced.Value,
        Status.Unreadable ? "status" : QtyProduced.Unreadable ? "qty_produced" : null);
}

/// <summary>A value as read: <see cref="Value"/>, or <see cref="Unreadable"/> when the JSON holds another type (a missing value is readable: the default).</summary>
internal readonly record struct Readable<T>(T Value, bool Unreadable = false);
