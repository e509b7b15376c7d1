using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Hosting;

/// <summary>The app served in-process against a loopback Odoo double of one version. One per test class.</summary>
public abstract class OdooAppFixture(string odooVersion) : IAsyncLifetime
{
    public OdooDoubleServer Odoo { get; private set; } = null!;

    public FunctionsTestHost App { get; private set; } = null!;

    public string OdooVersion { get; } = odooVersion;

    public async Task InitializeAsync()
    {
        await AzuriteFixture.EnsureRunningAsync();
        Odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = OdooVersion });
        App = await FunctionsTestHost.StartAsync(TestSettings.For(Odoo).Build());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Odoo.DisposeAsync();
    }

    /// <summary>The seeded storable finished product with a bill of materials (the Gear Pump, as in the recordings); its id and code differ between versions.</summary>
    public long FinishedProductId() => FinishedProductIdOf(Odoo);

    /// <summary>The seeded finished product with a bill of materials of <paramref name="odoo"/> (<see cref="OdooDoubleServer.FinishedProductId"/>).</summary>
    public static long FinishedProductIdOf(OdooDoubleServer odoo) => odoo.FinishedProductId;

    /// <summary>Sends a request as a dashboard user with the given roles.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string[]? roles = null, Action<HttpRequestMessage>? configure = null) =>
        Send(App.Client, method, path, body, TestTokens.Create(roles: roles ?? ["Admin"]), configure);

    public static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string? token, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, System.Text.Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

public sealed class Odoo19AppFixture() : OdooAppFixture("19.0");

public sealed class Odoo18AppFixture() : OdooAppFixture("18.0");

public sealed class Odoo17AppFixture() : OdooAppFixture("17.0");

public sealed class Odoo16AppFixture() : OdooAppFixture("16.0");
