using System.Text;
using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Wire;

namespace OdooFunctions.Odoo.Tests;

/// <summary>The bodies the client writes match what the recordings of a real Odoo show a client sending.</summary>
public sealed class OdooRequestBodyTests
{
    private static readonly string[] Fields = ["name", "default_code"];

    /// <summary>The same JSON as <paramref name="expected"/> (key order aside); else fails naming where they first differ.</summary>
    private static void AssertSameJson(string expected, byte[] actual)
    {
        var wanted = JsonNode.Parse(expected);
        var got = JsonNode.Parse(Encoding.UTF8.GetString(actual));
        if (!JsonNode.DeepEquals(wanted, got))
        {
            Assert.Fail($"""
                The body differs at {FirstDifference(wanted, got, "$")}
                expected: {wanted?.ToJsonString()}
                actual:   {got?.ToJsonString()}
                """);
        }
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.ContainsKey(name))
                    {
                        return $"{path}.{name}: missing";
                    }

                    if (!JsonNode.DeepEquals(value, a[name]))
                    {
                        return FirstDifference(value, a[name], $"{path}.{name}");
                    }
                }

                return $"{path}.{a.First(p => !e.ContainsKey(p.Key)).Key}: not expected";
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                var at = Enumerable.Range(0, e.Count).First(i => !JsonNode.DeepEquals(e[i], a[i]));
                return FirstDifference(e[at], a[at], $"{path}[{at}]");
            default:
                return $"{path}: {expected?.ToJsonString() ?? "null"} expected, got {actual?.ToJsonString() ?? "null"}";
        }
    }

    [Fact]
    public void Json2_search_read_passes_domain_fields_and_paging_by_name()
    {
        var call = new OdooCall
        {
            Operation = OdooOperation.SearchRead, Model = "product.product", Method = "search_read", Retryable = true,
            Domain = OdooDomain.Where("default_code", "=like", "MFG-%"), Fields = Fields, Limit = 3, Order = "id",
        };

        var body = OdooJson2Protocol.WriteBody(call);

        AssertSameJson("""{"domain":[["default_code","=like","MFG-%"]],"fields":["name","default_code"],"limit":3,"offset":0,"order":"id"}""", body);
    }

    [Fact]
    public void Json2_create_sends_a_vals_list_and_write_sends_ids_and_vals()
    {
        var values = new JsonObject { ["product_id"] = 69, ["product_qty"] = 7 };
        var create = new OdooCall { Operation = OdooOperation.Create, Model = "mrp.production", Method = "create", Retryable = false, Values = values };
        var write = new OdooCall { Operation = OdooOperation.Write, Model = "mrp.production", Method = "write", Retryable = false, Ids = [13], Values = values };

        AssertSameJson("""{"vals_list":[{"product_id":69,"product_qty":7}]}""", OdooJson2Protocol.WriteBody(create));
        AssertSameJson("""{"ids":[13],"vals":{"product_id":69,"product_qty":7}}""", OdooJson2Protocol.WriteBody(write));
    }

    [Fact]
    public void Json2_action_sends_ids_and_named_arguments()
    {
        var call = OdooCall.Action("mrp.production", "action_confirm", [13], new JsonObject { ["context"] = new JsonObject { ["lang"] = "en_US" } }, retryable: false);

        AssertSameJson("""{"ids":[13],"context":{"lang":"en_US"}}""", OdooJson2Protocol.WriteBody(call));
    }

    [Fact]
    public void JsonRpc_execute_kw_passes_positional_args_and_kwargs()
    {
        var session = new OdooSession(OdooProtocol.JsonRpc, "<API_KEY>", 7);
        var search = new OdooCall
        {
            Operation = OdooOperation.SearchRead, Model = "product.product", Method = "search_read", Retryable = true,
            Domain = OdooDomain.Where("default_code", "=like", "MFG-%"), Fields = Fields, Limit = 3, Order = "id",
        };
        var write = new OdooCall
        {
            Operation = OdooOperation.Write, Model = "mrp.production", Method = "write", Retryable = false,
            Ids = [13], Values = new JsonObject { ["product_qty"] = 9 },
        };

        AssertSameJson("""
            {"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":["odoo_test",7,"<API_KEY>",
             "product.product","search_read",[[["default_code","=like","MFG-%"]]],{"fields":["name","default_code"],"limit":3,"offset":0,"order":"id"}]},"id":7}
            """, OdooJsonRpcProtocol.WriteBody(search, "odoo_test", session, null, 7));
        AssertSameJson("""
            {"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":["odoo_test",7,"<API_KEY>",
             "mrp.production","write",[[13],{"product_qty":9}],{}]},"id":18}
            """, OdooJsonRpcProtocol.WriteBody(write, "odoo_test", session, null, 18));
    }

    [Fact]
    public void JsonRpc_authenticate_and_version_use_the_common_service()
    {
        var authenticate = new OdooCall { Operation = OdooOperation.Authenticate, Model = "common", Method = "authenticate", Retryable = true, Login = "api@yourcompany.com" };
        var version = new OdooCall { Operation = OdooOperation.Version, Model = "common", Method = "version", Retryable = true };

        AssertSameJson("""
            {"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"authenticate","args":["odoo_test","api@yourcompany.com","<API_KEY>",{}]},"id":2}
            """, OdooJsonRpcProtocol.WriteBody(authenticate, "odoo_test", null, "<API_KEY>", 2));
        AssertSameJson("""
            {"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":[]},"id":1}
            """, OdooJsonRpcProtocol.WriteBody(version, "odoo_test", null, null, 1));
    }
}
