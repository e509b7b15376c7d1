using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>What the recorder's receiver did with a POST (WebhookRecordings/README.md, "Receiver").</summary>
internal enum WebhookReceiverMode
{
    /// <summary>Read the MO back from Odoo inside the handler (another RPC), then answer 200 {"ok": true}.</summary>
    ReadBackThenOk,

    /// <summary>Answer 500 at once.</summary>
    Answer500,

    /// <summary>Sleep 3 s, then answer 200.</summary>
    Slow,
}

/// <summary>One POST as it arrived: the request line, every header in arrival order, the raw body, and what the read-back saw.</summary>
internal sealed record ReceivedWebhook(
    string Method,
    string Path,
    string Query,
    string HttpVersion,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string RawBody,
    DateTimeOffset ArrivedAt,
    bool ReadBack,
    string? StateSeen);

/// <summary>
/// A webhook receiver like the recorder's (a Python ThreadingHTTPServer on 127.0.0.1, HTTP/1.1), on a raw socket so
/// that the headers' order and spelling are seen as sent. Every connection is served on its own task.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Func<long, Task<string?>> _readBack;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private WebhookReceiver(Func<long, Task<string?>> readBack)
    {
        _readBack = readBack;
        Listen(0);
        Port = ((IPEndPoint)_listener!.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>The recorded URL's path and query, on this receiver.</summary>
    public string Url => $"http://127.0.0.1:{Port}/api/odoo/webhooks/mrp-production?code=test-webhook-code";

    public WebhookReceiverMode Mode { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <param name="readBack">Reads the state of MO <c>id</c> back from the Odoo double (null when it is not visible).</param>
    public static WebhookReceiver Start(Func<long, Task<string?>> readBack) => new(readBack);

    /// <summary>Closes the listening socket, as the recorder did for "receiver down": connecting is refused.</summary>
    public async Task GoDownAsync()
    {
        _listener?.Stop();
        await _accepting;
        _listener = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public void ComeBack() => Listen(Port);

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new LineReader(stream);
            // HTTP/1.1 keeps the connection: serve requests until the client closes it.
            while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
            {
                var arrivedAt = DateTimeOffset.UtcNow;
                var headers = new List<KeyValuePair<string, string>>();
                for (var line = await reader.ReadLineAsync(_stop.Token); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(_stop.Token))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
                }
                var length = int.Parse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value ?? "0", CultureInfo.InvariantCulture);
                var body = Encoding.UTF8.GetString(await reader.ReadBytesAsync(length, _stop.Token));
                var parts = requestLine.Split(' ');
                var target = parts[1].Split('?', 2);
                var mode = Mode;
                string? seen = null;
                if (mode == WebhookReceiverMode.ReadBackThenOk)
                {
                    seen = await _readBack(JsonNode.Parse(body)!["_id"]!.GetValue<long>());
                }
                _received.Enqueue(new ReceivedWebhook(parts[0], target[0], target.Length > 1 ? target[1] : "", parts[2], headers, body, arrivedAt,
                    mode == WebhookReceiverMode.ReadBackThenOk, seen));
                if (mode == WebhookReceiverMode.Slow)
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), _stop.Token);
                }
                var answer = mode == WebhookReceiverMode.Answer500
                    ? "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nerror"
                    : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"ok\": true}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
            }
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The double gave up (timeout) or the test ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Length == 0 ? null : line.ToString();
                }
                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }
                line.Append((char)b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            var bytes = new byte[count];
            var done = 0;
            while (done < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException();
                }
                var take = Math.Min(count - done, _end - _start);
                Array.Copy(_buffer, _start, bytes, done, take);
                _start += take;
                done += take;
            }
            return bytes;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
