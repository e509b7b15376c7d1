using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// Sends one webhook as Odoo's <c>requests.post(url, data=json, headers={'Content-Type': 'application/json'}, timeout=1)</c>
/// does: a new connection per POST, python-requests' headers in its order and casing (written on the socket, because
/// HttpClient decides itself where Host goes and, inside an ASP.NET Core request, adds a traceparent header), 1 s to
/// connect and 1 s per read (<see cref="OdooDoubleOptions.WebhookTimeout"/>), no retry. Never throws: every failure is an outcome and the warning Odoo logs.
/// </summary>
internal sealed class OdooWebhookSender(OdooServerLog log, bool logsSuccess, TimeSpan timeout)
{
    public const string Logger = "odoo.addons.base.models.ir_actions";

    // Odoo's text names its fixed 1 s, whatever WebhookTimeout a test chose.
    private const string TimedOutWarning =
        "Webhook call timed out after 1s - it may or may not have failed. If this happens often, it may be a sign that the system you're trying to reach is slow or non-functional.";

    public async Task<OdooWebhookDelivery> SendAsync(OdooWebhookCall call, bool logCall, CancellationToken cancellationToken)
    {
        if (logCall)
        {
            log.Write("INFO", Logger, $"Webhook call to {call.Url}");
        }
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var body = Encoding.UTF8.GetBytes(call.Body);
        var uri = Uri.TryCreate(call.Url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        var target = uri?.PathAndQuery ?? call.Url;
        List<KeyValuePair<string, string>> headers =
        [
            new("Host", uri?.Authority ?? ""),
            new("User-Agent", "python-requests/2.28.1"),
            new("Accept-Encoding", "gzip, deflate"),
            new("Accept", "*/*"),
            new("Connection", "keep-alive"),
            new("Content-Type", "application/json"),
            new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)),
        ];
        var requestLine = $"POST {target} HTTP/1.1";

        OdooWebhookDelivery Ended(OdooWebhookOutcome outcome, int? status = null, string? warning = null)
        {
            if (warning is not null)
            {
                log.Write("WARNING", Logger, warning);
            }
            else if (logsSuccess)
            {
                log.Write("INFO", Logger, $"Webhook call to {call.Url} - succeeded");
            }
            return new OdooWebhookDelivery
            {
                Url = call.Url, RequestLine = requestLine, Headers = headers, Body = call.Body, CausedBy = call.CausedBy, Model = call.Model,
                RecordId = call.RecordId, RuleId = call.RuleId, ActionId = call.ActionId, FiredAt = call.FiredAt, SentAt = sentAt,
                Duration = clock.Elapsed, Outcome = outcome, StatusCode = status, Warning = warning,
            };
        }

        if (uri is null)
        {
            // requests' MissingSchema / InvalidSchema.
            return Ended(OdooWebhookOutcome.Failed, warning: call.Url.Contains("://", StringComparison.Ordinal)
                ? $"Webhook call failed: No connection adapters were found for {OdooPython.Str(call.Url)}"
                : $"Webhook call failed: Invalid URL {OdooPython.Str(call.Url)}: No scheme supplied. Perhaps you meant https://{call.Url}?");
        }

        var pool = $"{(uri.Scheme == "https" ? "HTTPSConnectionPool" : "HTTPConnectionPool")}(host={OdooPython.Str(uri.Host)}, port={uri.Port})";
        var connection = $"<urllib3.connection.{(uri.Scheme == "https" ? "HTTPSConnection" : "HTTPConnection")} object at 0x7f{Random.Shared.NextInt64(0x1000000000, 0xffffffffff):x10}>";
        using var client = new TcpClient();
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(timeout);
                await client.ConnectAsync(uri.DnsSafeHost, uri.Port, connect.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(OdooWebhookOutcome.Failed, warning:
                $"Webhook call failed: {pool}: Max retries exceeded with url: {target} (Caused by ConnectTimeoutError({connection}, 'Connection to {uri.Host} timed out. (connect timeout=1)'))");
        }
        catch (SocketException error)
        {
            var errno = error.SocketErrorCode == SocketError.HostNotFound ? "[Errno -2] Name or service not known" : $"[Errno {error.NativeErrorCode}] {error.Message}";
            return Ended(error.SocketErrorCode == SocketError.ConnectionRefused ? OdooWebhookOutcome.ConnectionRefused : OdooWebhookOutcome.Failed, warning:
                $"Webhook call failed: {pool}: Max retries exceeded with url: {target} (Caused by NewConnectionError('{connection}: Failed to establish a new connection: {errno}'))");
        }

        try
        {
            Stream stream = client.GetStream();
            if (uri.Scheme == "https")
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshake.CancelAfter(timeout);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = uri.IdnHost }, handshake.Token);
                stream = tls;
            }
            var head = new StringBuilder().Append(requestLine).Append("\r\n");
            foreach (var (name, value) in headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
            head.Append("\r\n");
            var reader = new ResponseReader(stream, timeout, cancellationToken);
            await reader.WriteAsync([.. Encoding.ASCII.GetBytes(head.ToString()), .. body]);
            var (status, reason) = await reader.ReadResponseAsync();
            if (status >= 400)
            {
                var kind = status < 500 ? "Client Error" : "Server Error";
                return Ended(OdooWebhookOutcome.ErrorStatus, status, $"Webhook call failed: {status} {kind}: {reason} for url: {uri.AbsoluteUri}");
            }
            return Ended(OdooWebhookOutcome.Delivered, status);
        }
        catch (TimeoutException)
        {
            return Ended(OdooWebhookOutcome.TimedOut, warning: TimedOutWarning);
        }
        catch (EndOfStreamException)
        {
            return Ended(OdooWebhookOutcome.Failed, warning: "Webhook call failed: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))");
        }
        catch (IOException error) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(OdooWebhookOutcome.Failed, warning: $"Webhook call failed: ('Connection aborted.', ConnectionResetError(104, {OdooPython.Str(error.InnerException?.Message ?? error.Message)}))");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // TLS, a garbled answer: requests raises a RequestException of some kind, which Odoo logs the same way.
            return Ended(OdooWebhookOutcome.Failed, warning: $"Webhook call failed: {error.Message}");
        }
    }

    /// <summary>Reads one HTTP/1.1 answer with urllib3's read timeout: at most 1 s for each read from the socket.</summary>
    private sealed class ResponseReader(Stream stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task WriteAsync(byte[] bytes)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await stream.WriteAsync(bytes, limit.Token);
                await stream.FlushAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException();
            }
        }

        /// <summary>The final answer's status and reason; its body is read to the end (requests reads it all) and dropped.</summary>
        public async Task<(int Status, string Reason)> ReadResponseAsync()
        {
            while (true)
            {
                var statusLine = await ReadLineAsync();
                var parts = statusLine.Split(' ', 3);
                if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status))
                {
                    throw new InvalidDataException($"('Connection aborted.', BadStatusLine({OdooPython.Str(statusLine)}))");
                }
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var line = await ReadLineAsync(); line.Length > 0; line = await ReadLineAsync())
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }
                if (status is >= 100 and < 200)
                {
                    continue;
                }
                if (status is not (204 or 304))
                {
                    if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    {
                        long size;
                        while ((size = long.Parse(((await ReadLineAsync()).Split(';')[0]).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)) > 0)
                        {
                            await SkipAsync(size + 2);
                        }
                        for (var trailer = await ReadLineAsync(); trailer.Length > 0; trailer = await ReadLineAsync())
                        {
                        }
                    }
                    else if (headers.TryGetValue("Content-Length", out var length) && long.TryParse(length, CultureInfo.InvariantCulture, out var count))
                    {
                        await SkipAsync(count);
                    }
                    else
                    {
                        while (await FillAsync())
                        {
                            _start = _end;
                        }
                    }
                }
                return (status, parts.Length > 2 ? parts[2] : "");
            }
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new EndOfStreamException();
                }
                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }
                line.Append((char)b);
            }
        }

        private async Task SkipAsync(long count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new EndOfStreamException();
                }
                var take = (int)Math.Min(count, _end - _start);
                _start += take;
                count -= take;
            }
        }

        private async Task<bool> FillAsync()
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                var read = await stream.ReadAsync(_buffer, limit.Token);
                _start = 0;
                _end = read;
                return read > 0;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException();
            }
        }
    }
}
