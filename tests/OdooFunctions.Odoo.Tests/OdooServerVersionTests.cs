
namespace OdooFunctions.Odoo.Tests;

public sealed class OdooServerVersionTests
{
    [Theory]
    [InlineData("19.0", 19, 0, true)]
    [InlineData("17.0-20240709", 17, 0, false)]
    [InlineData("saas~18.4+e", 18, 4, false)]
    [InlineData("saas~19.2+e", 19, 2, true)]
    [InlineData("20.0+e", 20, 0, true)]
    [InlineData("16.0", 16, 0, false)]
    public void Parses_the_versions_Odoo_reports(string text, int major, int minor, bool hasJson2)
    {
        var version = OdooServerVersion.Parse(text);

        Assert.Equal(major, version.Major);
        Assert.Equal(minor, version.Minor);
        Assert.Equal(hasJson2, version.HasJson2);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("odoo")]
    [InlineData("saas~")]
    public void Rejects_text_that_is_not_a_version(string text) =>
        Assert.Throws<FormatException>(() => OdooServerVersion.Parse(text));
}
