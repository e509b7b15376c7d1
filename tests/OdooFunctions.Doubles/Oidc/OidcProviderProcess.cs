using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Oidc;

/// <summary>
/// node-oidc-provider (npm <c>oidc-provider</c>, installed by <c>npm ci</c>) in a node process over HTTPS on 127.0.0.1,
/// with a server certificate from <see cref="TestCertificateAuthority"/>: discovery, JWKS and client-credentials JWT
/// access tokens from a certified OpenID Provider. Run by <c>Oidc/node-oidc-provider.mjs</c>; killed on dispose.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    /// <summary>The one client, allowed the client-credentials grant; its tokens carry <see cref="Roles"/>.</summary>
    public const string ClientId = "dashboard";

    public static readonly string[] Roles = ["Manager"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly string _clientSecret;
    private readonly HttpClient _http;
    private readonly HttpClient _admin;
    private readonly ConcurrentQueue<string> _errors;

    private OidcProviderProcess(Process process, string directory, string clientSecret, HttpClient http, Uri admin, string issuer, ConcurrentQueue<string> errors)
    {
        _process = process;
        _directory = directory;
        _clientSecret = clientSecret;
        _http = http;
        _admin = new HttpClient { BaseAddress = admin, Timeout = TimeSpan.FromSeconds(30) };
        _errors = errors;
        Issuer = issuer;
    }

    /// <summary>The provider's issuer, <c>https://127.0.0.1:{port}</c> (no trailing slash, as it publishes it).</summary>
    public string Issuer { get; }

    /// <summary>What <c>AUTH_JWT_AUTHORITY</c> is set to.</summary>
    public Uri Authority => new(Issuer + "/");

    /// <summary>What node wrote on stderr (its warnings, or why it failed).</summary>
    public string Errors => string.Join('\n', _errors);

    /// <param name="authority">Issues the server certificate; <see cref="GetTokenAsync"/> trusts only it.</param>
    /// <param name="audiences">Resource → the audience its tokens carry (default: the resource itself), e.g. a resource whose
    /// tokens carry a client id, as Entra ID's v2 tokens do.</param>
    public static async Task<OidcProviderProcess> StartAsync(TestCertificateAuthority authority, IReadOnlyDictionary<string, string>? audiences = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Oidc", "node-oidc-provider.mjs");
        if (!HasOidcProviderPackage(script))
        {
            throw new InvalidOperationException("node_modules/oidc-provider was not found above " + script + ": run `npm ci` at the repository top.");
        }

        var directory = Directory.CreateTempSubdirectory("oidc-provider-").FullName;
        using (var server = authority.IssueServerCertificate())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "cert.pem"), server.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(directory, "key.pem"), server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        var clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var start = new ProcessStartInfo("node", [script])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["OIDC_TLS_CERT"] = Path.Combine(directory, "cert.pem"),
                ["OIDC_TLS_KEY"] = Path.Combine(directory, "key.pem"),
                ["OIDC_CLIENTS"] = JsonSerializer.Serialize(new[] { new { id = ClientId, secret = clientSecret, roles = Roles } }),
                ["OIDC_AUDIENCES"] = JsonSerializer.Serialize(audiences ?? new Dictionary<string, string>()),
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, line) => errors.Enqueue(line.Data ?? "");
        process.BeginErrorReadLine();

        try
        {
            // The script prints one line once both servers listen; nothing else comes on stdout.
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout)
                ?? throw new InvalidOperationException("node-oidc-provider exited before it was ready: " + string.Join('\n', errors));
            var addresses = JsonNode.Parse(ready)!;
            return new OidcProviderProcess(
                process, directory, clientSecret, new HttpClient(authority.CreateHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) },
                new Uri(addresses["admin"]!.GetValue<string>()), addresses["issuer"]!.GetValue<string>(), errors);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A client-credentials access token (JWT) for <paramref name="resource"/>, from the token endpoint.</summary>
    public async Task<string> GetTokenAsync(string resource)
    {
        using var response = await _http.PostAsync(Issuer + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = _clientSecret,
            ["resource"] = resource,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode || body?["access_token"] is not { } token)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        }

        return token.GetValue<string>();
    }

    /// <summary>Signs with a new key from now on; the old key leaves the JWKS. Returns the new key's id.</summary>
    public async Task<string> RotateKeyAsync()
    {
        using var response = await _admin.PostAsync("/rotate", content: null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["kid"]!.GetValue<string>();
    }

    /// <summary>How many requests the provider got for <paramref name="path"/> (e.g. <c>/jwks</c>), whatever the answer.</summary>
    public async Task<int> RequestCountAsync(string path)
    {
        var counts = await _admin.GetFromJsonAsync<Dictionary<string, int>>("/requests");
        return counts!.GetValueOrDefault(path);
    }

    /// <summary>
    /// Freezes the provider's process (SIGSTOP): its port still takes connections (the kernel accepts them) but nothing
    /// answers, as with a provider that hangs. Dispose ends it all the same.
    /// </summary>
    public async Task FreezeAsync()
    {
        using var signal = Process.Start(new ProcessStartInfo("kill", ["-STOP", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await signal.WaitForExitAsync();
        if (signal.ExitCode != 0)
        {
            throw new InvalidOperationException("kill -STOP failed for the node-oidc-provider process.");
        }
    }

    /// <summary>Ends the provider's process: its port refuses connections from now on.</summary>
    public async Task StopAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _http.Dispose();
        _admin.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; nothing depends on it.
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static bool HasOidcProviderPackage(string script)
    {
        for (var dir = new FileInfo(script).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "node_modules", "oidc-provider", "package.json")))
            {
                return true;
            }
        }

        return false;
    }
}
