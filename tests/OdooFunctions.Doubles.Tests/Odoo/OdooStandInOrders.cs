using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// The orders the recorder made, without recording the calls, before cases 01–16 of a shared database (16.0, 18.0):
/// stand-ins for the seeded SEED-DRAFT and SEED-CONFIRMED orders, which other test runs used. The recordings' notes
/// name them ("run on a confirmed MO of qty 5 created for this recording (origin REC-STANDIN-SEED-CONFIRMED, id 49)");
/// other runs took the ids between the write path's last order and the first stand-in. The replay makes them the same
/// way, over JSON-RPC as the API user: as many orders as other runs took, deleted again (the sequence, not the records,
/// is what they left), then the stand-ins with the noted origin, state, quantity and id.
/// </summary>
internal static partial class OdooStandInOrders
{
    // Read once per version: every replayed case asks.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(long Id, string State, double Qty, string Origin)>> NotedByVersion = new(StringComparer.Ordinal);

    public static IReadOnlyList<(long Id, string State, double Qty, string Origin)> Noted(string version) =>
        NotedByVersion.GetOrAdd(version, ReadNotes);

    private static IReadOnlyList<(long Id, string State, double Qty, string Origin)> ReadNotes(string version) =>
        [.. OdooRecording.FileNames(version).Select(file => OdooRecording.Load(version, file)).Where(r => r.Note is not null)
            .Select(r => StandIn().Match(r.Note!)).Where(m => m.Success)
            .Select(m => (long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), m.Groups["state"].Value,
                m.Groups["qty"].Success ? double.Parse(m.Groups["qty"].Value, CultureInfo.InvariantCulture) : 1.0, m.Groups["origin"].Value))
            .DistinctBy(s => s.Item1).OrderBy(s => s.Item1)];

    public static async Task MakeAsync(HttpClient http, OdooDoubleServer server)
    {
        var standIns = Noted(server.Version.Name);
        if (standIns.Count == 0)
        {
            return;
        }
        async Task<JsonObject> Call(string method, JsonArray args) =>
            await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, server.Version.ApiUid, "mrp.production", method, args, database: server.Options.Database);
        async Task<long> Create(double qty, string origin) =>
            (await Call("create", new JsonArray(new JsonObject { ["product_id"] = server.FinishedProductId, ["product_qty"] = qty, ["origin"] = origin })))["result"]!.GetValue<long>();

        while (true)
        {
            var other = await Create(1, "OTHER-RUN");
            await Call("unlink", new JsonArray(new JsonArray(other)));
            if (other >= standIns[0].Id - 1)
            {
                break;
            }
        }
        foreach (var (id, state, qty, origin) in standIns)
        {
            var made = await Create(qty, origin);
            Assert.Equal(id, made);
            if (state == "confirmed")
            {
                await Call("action_confirm", new JsonArray(new JsonArray(made)));
            }
        }
    }

    [GeneratedRegex(@"run on an? (?<state>draft|confirmed) MO(?: of qty (?<qty>\d+))? created for this recording \(origin (?<origin>[A-Z-]+), id (?<id>\d+)\)")]
    private static partial Regex StandIn();
}
