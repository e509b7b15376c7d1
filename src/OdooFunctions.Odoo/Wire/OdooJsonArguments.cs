using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>The argument values both protocols write the same way; <see cref="OdooOperation"/> puts them in place.</summary>
internal static class OdooJsonArguments
{
    private static readonly string[] FieldAttributes = ["type", "string", "readonly", "required", "selection", "relation"];

    public static void WriteDomain(Utf8JsonWriter writer, OdooDomain? domain)
    {
        writer.WritePropertyName("domain"u8);
        WriteDomainValue(writer, domain);
    }

    public static void WriteDomainValue(Utf8JsonWriter writer, OdooDomain? domain)
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

    public static void WriteFieldsAndPaging(Utf8JsonWriter writer, OdooCall call)
    {
        WriteFields(writer, call.Fields);
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

    public static void WriteFields(Utf8JsonWriter writer, IReadOnlyCollection<string>? fields)
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

    public static void WriteIds(Utf8JsonWriter writer, IReadOnlyCollection<long>? ids)
    {
        writer.WritePropertyName("ids"u8);
        WriteIdsValue(writer, ids);
    }

    public static void WriteIdsValue(Utf8JsonWriter writer, IReadOnlyCollection<long>? ids)
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

    public static void WriteAttributes(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("attributes"u8);
        foreach (var attribute in FieldAttributes)
        {
            writer.WriteStringValue(attribute);
        }

        writer.WriteEndArray();
    }

    public static void WriteNamedArguments(Utf8JsonWriter writer, JsonObject? arguments)
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

    public static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
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
}
