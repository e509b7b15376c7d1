using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// Writes a call's body for either protocol straight to UTF-8 bytes. JSON-RPC passes arguments by position to
/// <c>execute_kw</c>; JSON-2 takes the same values by name (and <c>create</c> as a <c>vals_list</c>).
/// </summary>
internal static class OdooRequestBody
{
    // Reused per thread: a body is written and copied out synchronously, so no call sees another's buffer.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private static readonly string[] FieldAttributes = ["type", "string", "readonly", "required", "selection", "relation"];

    public static byte[] JsonRpc(OdooCall call, string database, OdooSession? session, string? apiKey, long requestId)
    {
        var writer = Rent(out var buffer);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteString("method"u8, "call"u8);
        writer.WriteStartObject("params"u8);
        switch (call.Operation)
        {
            case OdooOperation.Version:
                writer.WriteString("service"u8, "common"u8);
                writer.WriteString("method"u8, "version"u8);
                writer.WriteStartArray("args"u8);
                writer.WriteEndArray();
                break;
            case OdooOperation.Authenticate:
                writer.WriteString("service"u8, "common"u8);
                writer.WriteString("method"u8, "authenticate"u8);
                writer.WriteStartArray("args"u8);
                writer.WriteStringValue(database);
                writer.WriteStringValue(call.Login);
                writer.WriteStringValue(apiKey);
                writer.WriteStartObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            default:
                writer.WriteString("service"u8, "object"u8);
                writer.WriteString("method"u8, "execute_kw"u8);
                writer.WriteStartArray("args"u8);
                writer.WriteStringValue(database);
                writer.WriteNumberValue(session!.Uid);
                writer.WriteStringValue(session.ApiKey);
                writer.WriteStringValue(call.Model);
                writer.WriteStringValue(call.Method);
                WriteJsonRpcArguments(writer, call);
                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
        writer.WriteNumber("id"u8, requestId);
        writer.WriteEndObject();
        return Return(writer, buffer);
    }

    public static byte[] Json2(OdooCall call)
    {
        var writer = Rent(out var buffer);
        writer.WriteStartObject();
        switch (call.Operation)
        {
            case OdooOperation.SearchRead:
                WriteDomain(writer, "domain"u8, call.Domain);
                WriteFields(writer, call.Fields);
                WritePaging(writer, call);
                break;
            case OdooOperation.Read:
                WriteIds(writer, call.Ids);
                WriteFields(writer, call.Fields);
                break;
            case OdooOperation.SearchCount:
                WriteDomain(writer, "domain"u8, call.Domain);
                break;
            case OdooOperation.FieldsGet:
                WriteAttributes(writer);
                break;
            case OdooOperation.Create:
                writer.WriteStartArray("vals_list"u8);
                WriteNode(writer, call.Values);
                writer.WriteEndArray();
                break;
            case OdooOperation.Write:
                WriteIds(writer, call.Ids);
                writer.WritePropertyName("vals"u8);
                WriteNode(writer, call.Values);
                break;
            case OdooOperation.Unlink:
                WriteIds(writer, call.Ids);
                break;
            case OdooOperation.Call:
                if (call.Ids is not null)
                {
                    WriteIds(writer, call.Ids);
                }

                WriteNamedArguments(writer, call.Arguments);
                break;
            default:
                throw new InvalidOperationException($"{call.Operation} has no JSON-2 form.");
        }

        writer.WriteEndObject();
        return Return(writer, buffer);
    }

    // execute_kw(db, uid, key, model, method, args, kwargs): writes args and kwargs.
    private static void WriteJsonRpcArguments(Utf8JsonWriter writer, OdooCall call)
    {
        writer.WriteStartArray();
        switch (call.Operation)
        {
            case OdooOperation.SearchRead:
            case OdooOperation.SearchCount:
                WriteDomainValue(writer, call.Domain);
                break;
            case OdooOperation.Read:
            case OdooOperation.Unlink:
                WriteIdsValue(writer, call.Ids);
                break;
            case OdooOperation.Create:
                WriteNode(writer, call.Values);
                break;
            case OdooOperation.Write:
                WriteIdsValue(writer, call.Ids);
                WriteNode(writer, call.Values);
                break;
            case OdooOperation.Call when call.Ids is not null:
                WriteIdsValue(writer, call.Ids);
                break;
        }

        writer.WriteEndArray();
        writer.WriteStartObject();
        switch (call.Operation)
        {
            case OdooOperation.SearchRead:
                WriteFields(writer, call.Fields);
                WritePaging(writer, call);
                break;
            case OdooOperation.Read:
                WriteFields(writer, call.Fields);
                break;
            case OdooOperation.FieldsGet:
                WriteAttributes(writer);
                break;
            case OdooOperation.Call:
                WriteNamedArguments(writer, call.Arguments);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteDomain(Utf8JsonWriter writer, ReadOnlySpan<byte> name, OdooDomain? domain)
    {
        writer.WritePropertyName(name);
        WriteDomainValue(writer, domain);
    }

    private static void WriteDomainValue(Utf8JsonWriter writer, OdooDomain? domain)
    {
        if (domain is null)
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else
        {
            domain.WriteTo(writer);
        }
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyCollection<string>? fields)
    {
        if (fields is null)
        {
            return;
        }

        writer.WriteStartArray("fields"u8);
        if (fields is IReadOnlyList<string> list)
        {
            // Indexed: foreach over the interface would allocate an enumerator per call.
            for (var i = 0; i < list.Count; i++)
            {
                writer.WriteStringValue(list[i]);
            }
        }
        else
        {
            foreach (var field in fields)
            {
                writer.WriteStringValue(field);
            }
        }

        writer.WriteEndArray();
    }

    private static void WritePaging(Utf8JsonWriter writer, OdooCall call)
    {
        if (call.Limit is { } limit)
        {
            writer.WriteNumber("limit"u8, limit);
        }

        writer.WriteNumber("offset"u8, call.Offset);
        if (call.Order is not null)
        {
            writer.WriteString("order"u8, call.Order);
        }
    }

    private static void WriteIds(Utf8JsonWriter writer, IReadOnlyCollection<long>? ids)
    {
        writer.WritePropertyName("ids"u8);
        WriteIdsValue(writer, ids);
    }

    private static void WriteIdsValue(Utf8JsonWriter writer, IReadOnlyCollection<long>? ids)
    {
        writer.WriteStartArray();
        if (ids is not null)
        {
            foreach (var id in ids)
            {
                writer.WriteNumberValue(id);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteAttributes(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("attributes"u8);
        foreach (var attribute in FieldAttributes)
        {
            writer.WriteStringValue(attribute);
        }

        writer.WriteEndArray();
    }

    private static void WriteNamedArguments(Utf8JsonWriter writer, JsonObject? arguments)
    {
        if (arguments is null)
        {
            return;
        }

        foreach (var (name, value) in arguments)
        {
            writer.WritePropertyName(name);
            WriteNode(writer, value);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static Utf8JsonWriter Rent(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        if (t_writer is null)
        {
            t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            t_writer.Reset(buffer);
        }

        return t_writer;
    }

    private static byte[] Return(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            // One huge body should not pin a huge buffer to the thread forever.
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }
}
