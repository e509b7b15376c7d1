using System.Diagnostics;
using OpenTelemetry;

namespace OdooFunctions.Functions.Telemetry;

/// <summary>
/// Cuts the query (and any user info) off every URL a span carries before an exporter sees it. The app's own calls put
/// no secret in a URL, but a query can carry one: a SAS signature in a storage connection string, the dashboard's
/// <c>next</c> link (the dashboard's to write), the webhook's <c>?code=</c>. .NET already replaces query values with
/// <c>*</c> in HttpClient's spans; this keeps it so whatever the runtime switch says and whichever source set the tag.
/// Headers are never recorded: no instrumentation here is asked to.
/// </summary>
internal sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "url.query", "http.target", "url.original"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is not string value)
            {
                continue;
            }

            var redacted = tag == "url.query" ? null : Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                // Null removes the tag.
                data.SetTag(tag, redacted);
            }
        }
    }

    /// <summary>The URL without its query, fragment and user info; the same string when it has none of them.</summary>
    internal static string Redact(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        var withoutQuery = cut >= 0 ? url[..cut] : url;
        if (Uri.TryCreate(withoutQuery, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        return cut >= 0 ? withoutQuery : url;
    }
}
