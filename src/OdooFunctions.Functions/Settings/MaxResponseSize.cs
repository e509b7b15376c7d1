namespace OdooFunctions.Functions.Settings;

/// <summary><c>MAX_RESPONSE_MB</c>: the cap on one answer's body, from Odoo or from the dashboard. Both parts bind it.</summary>
public static class MaxResponseSize
{
    public const string Setting = "MAX_RESPONSE_MB";

    public const int DefaultMb = 32;

    /// <summary>Largest cap HttpClient can buffer (2 GB − 1 byte).</summary>
    public const int LargestMb = 2047;

    /// <summary>The setting's text in bytes (default 32 MB); a bad value is reported at start.</summary>
    public static long Bytes(string? mb) =>
        (SettingText.PositiveInt(mb) is { } value and <= LargestMb ? value : DefaultMb) * 1024L * 1024L;
}
