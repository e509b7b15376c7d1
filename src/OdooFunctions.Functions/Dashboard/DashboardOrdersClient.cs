using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Telemetry;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The dashboard REST API, the two calls the sync and the push need: the orders linked to Odoo MOs, and a PATCH of one
/// order's status and quantity. A typed HttpClient (IHttpClientFactory) with a resilience pipeline that
/// retries the GET and never retries a PATCH blindly (the next run compares again, which is the safe retry).
/// Each call is a span (<see cref="AppTelemetry.StartDashboardCall"/>): the operation, the status, the outcome.
/// </summary>
public class DashboardOrdersClient
{
    public const string HttpClientName = "Dashboard";

    /// <summary>Guard against a dashboard whose pagination never ends.</summary>
    internal const int MaxPages = 10_000;

    private readonly HttpClient _http;
    private readonly IDashboardApiToken _token;
    private readonly DashboardOptions _options;

    public DashboardOrdersClient(HttpClient http, IDashboardApiToken token, IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _token = token;
        _options = options.Value;
    }

    /// <summary>Every order with an Odoo MO id, across all pages.</summary>
    public virtual async Task<IReadOnlyList<DashboardOrder>> GetLinkedOrdersAsync(CancellationToken cancellationToken = default)
    {
        var baseUrl = BaseUrl();
        var token = await TokenAsync(cancellationToken);
        var orders = new List<DashboardOrder>();
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = new(baseUrl, "orders?has_odoo_mo=true");
        while (next is not null)
        {
            if (!seenPages.Add(next.AbsoluteUri) || seenPages.Count > MaxPages)
            {
                throw new DashboardUnexpectedResponseException("Dashboard API: pagination does not end (a page repeats).");
            }

            // One span per page, ended after the page is read: an answer that is not a list of orders fails the call.
            var activity = AppTelemetry.StartDashboardCall(AppTelemetry.ListOrders);
            Exception? failure = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, next);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await SendAsync(request, "GET /orders", activity, cancellationToken);
                var page = await ReadPageAsync(response, cancellationToken);
                next = ReadPage(page, next, orders, baseUrl);
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            finally
            {
                AppTelemetry.EndDashboardCall(activity, failure);
            }
        }

        return orders;
    }

    /// <summary>Sets one order's <c>status</c> and <c>qty_produced</c>.</summary>
    public virtual async Task PatchOrderAsync(string orderId, string status, double qtyProduced, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var token = await TokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(BaseUrl(), "orders/" + Uri.EscapeDataString(orderId)))
        {
            // Bytes, not JsonContent: its length is unknown up front, so it goes chunked, and a dashboard behind a
            // WSGI server reads a chunked body as empty. A byte array carries Content-Length.
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new DashboardOrderPatch(status, qtyProduced), DashboardJsonContext.Default.DashboardOrderPatch))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var activity = AppTelemetry.StartDashboardCall(AppTelemetry.PatchOrder);
        Exception? failure = null;
        try
        {
            using var response = await SendAsync(request, $"PATCH order {orderId}", activity, cancellationToken);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            AppTelemetry.EndDashboardCall(activity, failure);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, Activity? activity, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            AppTelemetry.DashboardAnswered(activity, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new DashboardUnexpectedResponseException(
                $"Dashboard API: {what} answered more than {_http.MaxResponseContentBufferSize / (1024 * 1024)} MB (MAX_RESPONSE_MB); the rest was not read.", e);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new DashboardApiException($"Dashboard API: {what} failed ({Describe(e)}).", null, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            // The body is not quoted: it is the dashboard's, and could echo anything.
            throw new DashboardApiException($"Dashboard API: {what} answered HTTP {(int)status}.", status);
        }

        return response;
    }

    private static string Describe(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: var error } when error != HttpRequestError.Unknown => error.ToString(),
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures",
        OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timed out",
        _ => "connection failed",
    };

    // A repeated key would let one of its values win silently (which status is the order's?): the page is refused.
    private static readonly JsonDocumentOptions PageJson = new() { AllowDuplicateProperties = false };

    private static async Task<DashboardOrderPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, PageJson);
        }
        catch (JsonException e) when (DuplicateKeys.Find(body) is { } key)
        {
            throw new DashboardUnexpectedResponseException(
                $"Dashboard API: GET /orders page {response.RequestMessage?.RequestUri?.PathAndQuery} has the key '{key}' more than once.", e);
        }
        catch (JsonException e)
        {
            throw new DashboardUnexpectedResponseException(
                $"Dashboard API: GET /orders answered something that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).", e);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Null
                ? throw new DashboardUnexpectedResponseException("Dashboard API: GET /orders answered null instead of orders.")
                : document.RootElement.Deserialize(DashboardJsonContext.Default.DashboardOrderPage)!;
        }
    }

    /// <summary>
    /// Adds the page's orders; returns the next page's address, or null on the last page. A <c>next</c> link must stay
    /// on <paramref name="origin"/>'s scheme, host and port: the bearer token goes with it.
    /// </summary>
    internal static Uri? ReadPage(DashboardOrderPage page, Uri current, List<DashboardOrder> into, Uri origin)
    {
        var data = page switch
        {
            { Orders: { } array } => array,
            { Envelope: { Success: false } } => throw new DashboardUnexpectedResponseException("Dashboard API: GET /orders answered success: false."),
            { Envelope.Data: { } array } => array,
            _ => throw new DashboardUnexpectedResponseException("Dashboard API: GET /orders answered JSON without an orders array (expected [...] or {success, data: [...]})."),
        };

        foreach (var entry in data)
        {
            into.Add(entry?.ToOrder() ?? throw new DashboardUnexpectedResponseException("Dashboard API: an order in GET /orders is not an object."));
        }

        return page.Envelope is { } envelope ? NextPage(envelope.PaginationHolder, current, origin) : null;
    }

    /// <summary>Pagination as dashboards commonly carry it: a <c>next</c> link, or <c>page</c> with <c>pages</c>/<c>total_pages</c>.</summary>
    private static Uri? NextPage(DashboardPagination holder, Uri current, Uri origin)
    {
        if (holder.Next.Value is { } link && !string.IsNullOrWhiteSpace(link))
        {
            var uri = Uri.TryCreate(current, link, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new DashboardUnexpectedResponseException("Dashboard API: GET /orders gave a 'next' link that is not a URL.");
            return SameOrigin(uri, origin)
                ? uri
                : throw new DashboardUnexpectedResponseException(
                    $"Dashboard API: GET /orders gave a 'next' link to {uri.GetLeftPart(UriPartial.Authority)}, not DASHBOARD_API_URL's {origin.GetLeftPart(UriPartial.Authority)}; it was not followed (the token goes only to the dashboard).");
        }

        if (holder.Page.Value is { } page && holder.PageCount is { } pages)
        {
            return page < pages ? WithPage(current, page + 1) : null;
        }

        return null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static Uri WithPage(Uri current, int page)
    {
        var query = current.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith("page=", StringComparison.Ordinal))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return new UriBuilder(current) { Query = string.Join('&', query) }.Uri;
    }

    private Uri BaseUrl()
    {
        var url = _options.ApiUrl ?? throw new DashboardApiException("DASHBOARD_API_URL is not set.");
        // Relative paths resolve under the API's path only with a trailing slash.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private async ValueTask<string> TokenAsync(CancellationToken cancellationToken) =>
        await _token.GetAsync(cancellationToken)
        ?? throw new DashboardApiException("Dashboard API token is not configured (DASHBOARD_API_TOKEN or Key Vault secret dashboard-api-token).");
}
