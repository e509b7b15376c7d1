using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>One recorded exchange with a real Odoo server (Recordings/&lt;version&gt;/&lt;NN&gt;-&lt;protocol&gt;-&lt;case&gt;.json).</summary>
internal sealed class OdooRecording
{
    private OdooRecording(string version, string fileName, JsonObject content)
    {
        Version = version;
        FileName = fileName;
        Content = content;
        Protocol = ProtocolOf(fileName);
    }

    public string Version { get; }

    public string FileName { get; }

    public string Protocol { get; }

    public JsonObject Content { get; }

    public JsonObject Request => Content["request"]!.AsObject();

    public JsonObject Response => Content["response"]!.AsObject();

    /// <summary>The database the recorded run used (17.0 ran on "odoo17_test").</summary>
    public string? Database => Request["headers"]?["X-Odoo-Database"]?.GetValue<string>()
        ?? (Request["body"]?["params"]?["args"] is JsonArray args && args.Count > 0 && args[0] is JsonValue db && db.GetValueKind() == JsonValueKind.String ? db.GetValue<string>() : null);

    /// <summary>The group (01–22) the case belongs to.</summary>
    public int Group => GroupOf(FileName);

    /// <summary>Part of the write path (groups 17–22, recorded on 16.0 and 18.0), which ran before cases 01–16.</summary>
    public bool IsWritePath => Group >= 17;

    /// <summary>Execution order within a run (<see cref="OrderOf"/>).</summary>
    public (int Part, int Group, string Name) Order => OrderOf(FileName);

    /// <summary>
    /// Execution order within a run: the write path (17–22) first where it was recorded, then groups 01–16 in order,
    /// letters in order ("d2" after "d"), 07-*-b last (after group 16).
    /// </summary>
    private static (int Part, int Group, string Name) OrderOf(string fileName) =>
        (GroupOf(fileName) >= 17 ? 0 : 1, fileName.StartsWith("07-", StringComparison.Ordinal) && fileName.Contains("-b-", StringComparison.Ordinal) ? 99 : GroupOf(fileName), fileName);

    private static int GroupOf(string fileName) => int.Parse(fileName[..2], CultureInfo.InvariantCulture);

    private static string ProtocolOf(string fileName) => fileName.Split('-')[1];

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Recordings");

    public static OdooRecording Load(string version, string fileName) =>
        new(version, fileName, JsonNode.Parse(File.ReadAllText(Path.Combine(Root, version, fileName)))!.AsObject());

    /// <summary>The recording files of <paramref name="version"/>, by name.</summary>
    public static IEnumerable<string> FileNames(string version) =>
        Directory.GetFiles(Path.Combine(Root, version), "*.json").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal);

    public static IEnumerable<OdooRecording> All() =>
        from version in OdooVersion.Names
        from file in FileNames(version)
        select Load(version, file);

    /// <summary>The recordings of the same version and protocol that ran before this one, in order (only those are read).</summary>
    public IEnumerable<OdooRecording> Earlier() =>
        FileNames(Version).Where(file => ProtocolOf(file) == Protocol && OrderOf(file).CompareTo(Order) < 0)
            .OrderBy(OrderOf).Select(file => Load(Version, file));

    /// <summary>Builds the recorded request for the double: the key placeholder becomes the double's key.</summary>
    public HttpRequestMessage ToHttpRequest(string apiKey, string runStartFilter)
    {
        var request = new HttpRequestMessage(new HttpMethod(Request["method"]!.GetValue<string>()), Request["path"]!.GetValue<string>().TrimStart('/'));
        var body = Request["body"];
        string? text = body switch
        {
            null => null,
            JsonValue raw when raw.GetValueKind() == JsonValueKind.String => raw.GetValue<string>(),
            _ => body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        };
        if (text is not null)
        {
            text = text.Replace("<API_KEY>", apiKey, StringComparison.Ordinal);
            // 07-*-b filtered on "start of this run - 2 min"; the double's run starts now.
            if (FileName.StartsWith("07-", StringComparison.Ordinal) && FileName.Contains("-b-", StringComparison.Ordinal))
            {
                text = System.Text.RegularExpressions.Regex.Replace(text, "\"write_date\",\">=\",\"[^\"]+\"", $"\"write_date\",\">=\",\"{runStartFilter}\"");
            }
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
        }
        foreach (var (name, value) in Request["headers"]!.AsObject())
        {
            var headerValue = value!.GetValue<string>().Replace("<API_KEY>", apiKey, StringComparison.Ordinal);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, headerValue);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, headerValue);
            }
        }
        return request;
    }

    /// <summary>
    /// The recorded run's database, as its authenticate call names it (16.0 odoo16, 17.0 odoo17_test, 18.0 odoo18, 19.0
    /// odoo_test); per version, since the JSON-2 files of 16.0–18.0 name none.
    /// </summary>
    public static string RecordedDatabase(string version) => Load(version, "02-jsonrpc-a-authenticate.json").Database!;

    /// <summary>A double of the recorded version, database and API user (no accounting group, as the recorded one).</summary>
    public OdooDoubleOptions DoubleOptions() => new()
    {
        Version = Version,
        Database = RecordedDatabase(Version),
        ApiUserReadsAnalyticLines = false,
    };

    /// <summary>The recorder's note (e.g. which stand-in order a case ran on), or null.</summary>
    public string? Note => Content["note"]?.GetValue<string>();

    /// <summary>Length of the real answer's result before it was cut to 5 records (a shared database held other runs' orders), or null.</summary>
    public int? TruncatedFrom => Content["truncated_from"]?.GetValue<int>();

    public override string ToString() => $"{Version}/{FileName}";
}
