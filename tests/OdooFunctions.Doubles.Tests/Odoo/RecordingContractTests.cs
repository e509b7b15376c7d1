using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Doubles.Odoo;
using Xunit.Abstractions;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// Replays every recorded request against a fresh double of the recorded version (after the run's earlier
/// requests, as the recordings are a sequence) and checks the answer against what the real Odoo sent.
/// </summary>
public sealed partial class RecordingContractTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Recordings()
    {
        var data = new TheoryData<string, string>();
        foreach (var recording in OdooRecording.All())
        {
            data.Add(recording.Version, recording.FileName);
        }
        return data;
    }

    [Fact]
    public void Every_recording_is_covered_by_the_contract_test()
    {
        Assert.Equal(49 + 49, Recordings().Count(r => (string)r[0] == "19.0"));
        Assert.Equal(49 + 3, Recordings().Count(r => (string)r[0] == "17.0"));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Double_answers_as_the_recorded_Odoo(string version, string fileName)
    {
        var recording = OdooRecording.Load(version, fileName);
        await using var server = await OdooDoubleServer.StartAsync(recording.DoubleOptions());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var runStart = DateTime.UtcNow.AddMinutes(-2).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var earlier in recording.Earlier())
        {
            using var request = earlier.ToHttpRequest(server.Options.ApiKey, runStart);
            using var _ = await http.SendAsync(request);
        }

        using var replay = recording.ToHttpRequest(server.Options.ApiKey, runStart);
        using var response = await http.SendAsync(replay);
        // Read raw before the body: reading the content parses (and normalises) Content-Type.
        var contentType = string.Join(",", response.Content.Headers.NonValidated["Content-Type"]);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");

        var expected = recording.Response;
        Assert.Equal(expected["status"]!.GetValue<int>(), (int)response.StatusCode);
        var headers = expected["headers"]!.AsObject();
        Assert.Equal(headers["Content-Type"]!.GetValue<string>(), contentType);
        if (headers["WWW-Authenticate"] is JsonNode challenge)
        {
            // The double sends "Bearer " like Odoo; HTTP header parsing drops the trailing space on the way in.
            Assert.Equal(challenge.GetValue<string>().TrimEnd(), string.Join(",", response.Headers.NonValidated["WWW-Authenticate"]).TrimEnd());
        }

        var expectedBody = expected["body"];
        if (expectedBody is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            Assert.Equal(CsrfToken().Replace(text.GetValue<string>(), "<csrf>"), CsrfToken().Replace(body, "<csrf>"));
            return;
        }
        OdooJsonAssert.Same(expectedBody, JsonNode.Parse(body), "$");
    }

    [GeneratedRegex("csrf_token: \"[0-9a-f]+o\\d+\"")]
    private static partial Regex CsrfToken();
}
