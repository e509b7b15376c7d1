using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Odoo.Tests;

public sealed class OdooClientOptionsTests
{
    [Theory]
    [InlineData(null, "db", "user", "URL")]
    [InlineData("ftp://odoo.example.com", "db", "user", "URL")]
    [InlineData("https://odoo.example.com", "", "user", "database")]
    [InlineData("https://odoo.example.com", "db", " ", "username")]
    public void Invalid_settings_fail_with_a_message_naming_the_setting(string? url, string database, string username, string named)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider("k"))
            .AddOdooClient(o =>
            {
                o.Url = url is null ? null : new Uri(url);
                o.Database = database;
                o.Username = username;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<OdooClient>());

        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_database_is_named_by_the_setting_the_app_reads_ODOO_DB()
    {
        var failure = new OdooClientOptionsValidator().Validate(null, new OdooClientOptions { Url = new Uri("https://odoo.example.com"), Username = "user" });

        Assert.Equal(new[] { "The Odoo database (ODOO_DB) is empty." }, failure.Failures);
    }

    [Fact]
    public void The_client_is_one_instance_per_app()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider("k"))
            .AddOdooClient(o =>
            {
                o.Url = new Uri("https://odoo.example.com");
                o.Database = "db";
                o.Username = "user";
            })
            .BuildServiceProvider();

        Assert.Same(services.GetRequiredService<OdooClient>(), services.GetRequiredService<OdooClient>());
    }
}
