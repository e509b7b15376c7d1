using System.Security.Cryptography;

namespace OdooFunctions.Functions.ApiReference;

/// <summary>
/// The files of the reference page, embedded in the app's assembly so that <c>func start</c> and a publish carry them:
/// the page and its initializer, and Swagger UI's bundle vendored from npm (<c>swagger-ui-dist</c>) with its licence.
/// Served by name from this list only.
/// </summary>
public static class ApiReferenceAssets
{
    public const string Page = "docs.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly Dictionary<string, StaticAsset> Assets = Load();

    /// <summary>The names the asset route serves (<c>/api/docs/{name}</c>), e.g. <c>swagger-ui/swagger-ui-bundle.js</c>.</summary>
    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static StaticAsset? Find(string? name) => name is not null && Assets.TryGetValue(name, out var asset) ? asset : null;

    private static Dictionary<string, StaticAsset> Load()
    {
        const string prefix = "ApiReference/";
        var assembly = typeof(ApiReferenceAssets).Assembly;
        var assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var name = resource[prefix.Length..];
            // LICENSE, NOTICE and the bundle's licence list are text.
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "text/plain; charset=utf-8");
            assets[name] = new StaticAsset(content, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"");
        }

        return assets;
    }
}
