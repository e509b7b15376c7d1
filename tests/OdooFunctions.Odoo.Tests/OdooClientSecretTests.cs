using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Odoo.Tests;

/// <summary>The API key never shows in logs, exception messages or options.</summary>
public sealed class OdooClientSecretTests
{
    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task No_log_line_of_a_whole_run_contains_the_key(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var oldKey = odoo.ApiKey;
        var errors = await RunEverythingAsync(odoo);
        var newKey = "rotated-" + Guid.NewGuid().ToString("N");
        odoo.Server.RotateApiKey(newKey);
        odoo.Keys.VaultKey = newKey;
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        var records = odoo.Logs.GetSnapshot();
        Assert.NotEmpty(errors);
        Assert.Contains(records, r => r.Category == "Odoo" && r.Message.Contains("product.product.search_read", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == "Odoo" && r.Level == LogLevel.Warning);
        foreach (var record in records)
        {
            var text = string.Join("\n",
                record.Message,
                record.Exception?.ToString(),
                string.Join(";", record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []),
                string.Join(";", record.Scopes.Select(s => s?.ToString())));
            Assert.False(text.Contains(oldKey, StringComparison.Ordinal), $"{record.Category}/{record.Id} holds the key");
            Assert.False(text.Contains(newKey, StringComparison.Ordinal), $"{record.Category}/{record.Id} holds the new key");
        }
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("19.0", OdooProtocol.JsonRpc)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task No_exception_carries_the_key_or_a_traceback(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var errors = await RunEverythingAsync(odoo);

        Assert.True(errors.Count >= 5);
        foreach (var error in errors)
        {
            var text = error + "\n" + error.Error;
            Assert.DoesNotContain(odoo.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Traceback", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<ODOO_ROOT>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_print_without_a_key()
    {
        var options = new OdooClientOptions { Url = new Uri("https://odoo.example.com"), Database = "prod", Username = "api@example.com" };

        var text = options.ToString();

        Assert.Contains("https://odoo.example.com", text, StringComparison.Ordinal);
        Assert.Contains("prod", text, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(OdooClientOptions).GetProperties(), p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Successful calls of every kind and a failure of every kind the double can produce.</summary>
    private static async Task<List<OdooException>> RunEverythingAsync(OdooTestContext odoo)
    {
        var errors = new List<OdooException>();
        async Task Expect(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (OdooException ex)
            {
                errors.Add(ex);
            }
        }

        await odoo.Client.ConnectAsync();
        await odoo.Client.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=like", "MFG-%"), ["name"], limit: 3);
        await odoo.Client.FieldsGetAsync("res.partner");
        var id = await odoo.Client.CreateAsync("res.partner", new JsonObject { ["name"] = "Log Test Ltd" });
        await odoo.Client.WriteAsync("res.partner", [id], new JsonObject { ["city"] = "Ghent" });
        await odoo.Client.ReadAsync("res.partner", [id], ["name", "city"]);
        await Expect(() => odoo.Client.SearchReadAsync("x.nonexistent.model", OdooDomain.All, ["name"]));
        await Expect(() => odoo.Client.CallAsync("mrp.production", "_compute_state", [1]));
        await Expect(() => odoo.Client.CallAsync("mrp.production", "does_not_exist", [1]));
        await Expect(() => odoo.Client.SearchReadAsync("res.partner", OdooDomain.All, ["name", "no_such_field"]));
        await Expect(() => odoo.Client.CreateAsync("mrp.production", new JsonObject { ["product_qty"] = 1 }));
        odoo.Server.Faults.FailNext(1, OdooFault.HtmlPage, "search_count");
        await Expect(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
        // 1 attempt + the 2 default retries: the page is transient for reads.
        odoo.Server.Faults.FailNext(3, OdooFault.Status500, "search_count");
        await Expect(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
        return errors;
    }
}
