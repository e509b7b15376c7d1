using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Settings;

/// <summary>The cap on one answer's body, from Odoo or from the dashboard: beyond it the call fails without reading the rest.</summary>
public sealed class ResponseLimitOptions
{
    /// <summary>Largest cap HttpClient can buffer (2 GB − 1 byte).</summary>
    public const int LargestMb = 2047;

    [ConfigurationKeyName("MAX_RESPONSE_MB"), WholeNumberSetting(Maximum = LargestMb)]
    public int MaxResponseMb { get; set; } = 32;

    public long MaxResponseBytes => MaxResponseMb * 1024L * 1024L;
}
