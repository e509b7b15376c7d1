namespace OdooFunctions.Functions.Settings;

/// <summary>The setting is an absolute https URL (or http, as <see cref="AllowHttp"/> and <see cref="AllowHttpOnLoopback"/> say).</summary>
internal sealed class UrlSettingAttribute(string example) : SettingAttribute
{
    /// <summary>An example shown in the message, e.g. <c>https://your-instance.odoo.com</c>.</summary>
    public string Example { get; } = example;

    /// <summary>Plain http is accepted too.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Plain http is accepted on a loopback host only (local demos).</summary>
    public bool AllowHttpOnLoopback { get; set; }

    protected override string? Problem(object value)
    {
        if (value is Uri { IsAbsoluteUri: true } uri
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (AllowHttp || (AllowHttpOnLoopback && uri.IsLoopback)))))
        {
            return null;
        }

        var schemes = AllowHttp ? "http(s)" : "https";
        var loopback = AllowHttpOnLoopback ? " (http only on loopback)" : "";
        return $"must be an absolute {schemes} URL{loopback}, e.g. {Example} (got '{(value as Uri)?.OriginalString ?? value}')";
    }
}
