using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// How every part reads a setting's text: blank means unset, a value is trimmed. The settings classes keep the text
/// as given because the configuration binder throws on a value it cannot convert, which would stop the start at the
/// first bad number instead of listing every problem; their attributes check the text, and the part converts it.
/// </summary>
public static class SettingText
{
    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The comma-separated entries of <paramref name="text"/>, trimmed, blanks left out; empty when unset.</summary>
    public static string[] List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The positive whole number <paramref name="text"/> holds; null when unset or not one (its attribute reports that).</summary>
    public static int? PositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    /// <summary>The whole number of at least <paramref name="minimum"/> that <paramref name="text"/> holds; null otherwise.</summary>
    public static int? WholeInt(string? text, int minimum) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum ? number : null;

    /// <summary>True when <paramref name="url"/> is plain http on a non-loopback host: a credential sent there crosses the network in clear text.</summary>
    public static bool IsInsecureUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    /// <summary>The setting a validated property is bound from (its <see cref="ConfigurationKeyNameAttribute"/>).</summary>
    internal static string NameOf(ValidationContext context) =>
        context.ObjectType.GetProperty(context.MemberName ?? "")?.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name
        ?? context.MemberName
        ?? context.DisplayName;

    internal static ValidationResult Problem(string message, ValidationContext context) =>
        new(message, context.MemberName is { } member ? [member] : null);
}
