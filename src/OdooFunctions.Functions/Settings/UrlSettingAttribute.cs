using System.ComponentModel.DataAnnotations;

namespace OdooFunctions.Functions.Settings;

/// <summary>When set, the setting is an absolute https URL (or http, as <see cref="AllowHttp"/> and <see cref="AllowHttpOnLoopback"/> say).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class UrlSettingAttribute(string example) : ValidationAttribute
{
    /// <summary>An example shown in the message, e.g. <c>https://your-instance.odoo.com</c>.</summary>
    public string Example { get; } = example;

    /// <summary>Plain http is accepted too.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Plain http is accepted on a loopback host only (local demos).</summary>
    public bool AllowHttpOnLoopback { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (SettingText.Value(value as string) is not { } text || IsAccepted(text))
        {
            return ValidationResult.Success;
        }

        var schemes = AllowHttp ? "http(s)" : "https";
        var loopback = AllowHttpOnLoopback ? " (http only on loopback)" : "";
        return SettingText.Problem($"{SettingText.NameOf(validationContext)} must be an absolute {schemes} URL{loopback}, e.g. {Example} (got '{text}')", validationContext);
    }

    private bool IsAccepted(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (AllowHttp || (AllowHttpOnLoopback && uri.IsLoopback))));
}
