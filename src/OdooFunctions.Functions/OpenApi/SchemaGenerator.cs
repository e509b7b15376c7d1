using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>
/// JSON Schemas (2020-12, as OpenAPI 3.1 takes them) of the API's records, made by System.Text.Json's own
/// <see cref="JsonSchemaExporter"/> from the same source-generated contracts that write the answers, so a schema cannot
/// describe other names or types than the wire has. What the exporter cannot see is added here: the Odoo values a
/// converter writes (<see cref="IOdooValueSchema"/>), the annotations (<see cref="DescriptionAttribute"/>,
/// <see cref="AllowedValuesAttribute"/>, <see cref="RangeAttribute"/>, <see cref="MaxLengthAttribute"/>,
/// <see cref="DataTypeAttribute"/>, <see cref="RequiredAttribute"/>), which fields every answer carries, and a
/// <c>$ref</c> for each type that has a component of its own.
/// </summary>
internal sealed class SchemaGenerator(IReadOnlyDictionary<Type, string> components)
{
    private const string DateTimeDescription = "Odoo's 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601 (converted to UTC; no offset means UTC).";

    /// <summary>The component every many2one refers to: <c>[id, "display name"]</c> (empty: <c>false</c> beside it).</summary>
    public const string Many2OneComponent = "Many2One";

    private const string Many2OneRef = "#/components/schemas/" + Many2OneComponent;

    /// <summary>The schema of <see cref="Many2OneComponent"/>.</summary>
    public static JsonObject Many2OneSchema() => (JsonObject)new Many2OneConverter().Schema()["anyOf"]![0]!.DeepClone();

    /// <summary>The schema of <paramref name="typeInfo"/>'s type; the types of other components inside it are <c>$ref</c>s.</summary>
    public JsonObject Schema(JsonTypeInfo typeInfo, bool isRequestBody = false)
    {
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Transform(context, schema, isRequestBody),
        };
        return JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, options).AsObject();
    }

    private JsonObject Transform(JsonSchemaExporterContext context, JsonNode schema, bool isRequestBody)
    {
        var property = context.PropertyInfo;
        var attributes = property?.AttributeProvider;

        // Another component inside this one: refer to it (the root is the component itself).
        if (context.Path.Length > 0 && property?.CustomConverter is null && components.TryGetValue(context.TypeInfo.Type, out var name))
        {
            return WithDescription(new JsonObject { ["$ref"] = $"#/components/schemas/{name}" }, attributes);
        }

        var converter = property?.CustomConverter ?? context.TypeInfo.Converter;
        if (converter is Many2OneConverter)
        {
            // One named schema for every related record, so that generated clients get one type for it.
            return WithDescription(new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = Many2OneRef }, new JsonObject { ["const"] = false }) }, attributes);
        }

        if (converter is IOdooValueSchema odoo)
        {
            schema = odoo.Schema();
        }

        if (schema is not JsonObject node)
        {
            // A request field kept as raw JSON (true: any value) is described by its annotations alone.
            node = [];
        }

        if (Attribute<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            node = Allowed(allowed.Values);
        }

        if (Attribute<RangeAttribute>(attributes) is { } range)
        {
            node = Range(range);
        }

        if (Attribute<MaxLengthAttribute>(attributes) is { } maxLength)
        {
            node = new JsonObject { ["type"] = "string", ["maxLength"] = maxLength.Length };
        }

        if (Attribute<DataTypeAttribute>(attributes) is { DataType: DataType.DateTime })
        {
            node = new JsonObject { ["type"] = "string", ["description"] = DateTimeDescription, ["examples"] = new JsonArray("2025-11-15T17:00:00Z") };
        }

        if (property is not null && IgnoredWhenNull(attributes) && node["type"] is JsonArray types)
        {
            // Left out rather than written as null: absent, never null.
            node["type"] = types.Count == 2 ? types.First(t => t!.GetValue<string>() != "null")!.DeepClone() : new JsonArray([.. types.Where(t => t!.GetValue<string>() != "null").Select(t => t!.DeepClone())]);
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && property is null)
        {
            Describe(node, context.TypeInfo, isRequestBody);
        }

        return WithDescription(node, attributes);
    }

    /// <summary>
    /// An answer carries every field it declares except those left out when empty; a request body needs only its
    /// <see cref="RequiredAttribute"/> fields, and takes no field it does not declare.
    /// </summary>
    private static void Describe(JsonObject node, JsonTypeInfo typeInfo, bool isRequestBody)
    {
        var required = isRequestBody
            ? typeInfo.Properties.Where(p => Attribute<RequiredAttribute>(p.AttributeProvider) is not null)
            : typeInfo.Properties.Where(p => !IgnoredWhenNull(p.AttributeProvider));
        var names = required.Select(p => (JsonNode?)p.Name).ToList();
        node.Remove("required");
        if (names.Count > 0)
        {
            node["required"] = new JsonArray([.. names]);
        }

        if (isRequestBody)
        {
            // A body either refuses what it does not map (400 naming it) or ignores it: say which.
            node["additionalProperties"] = typeInfo.UnmappedMemberHandling != JsonUnmappedMemberHandling.Disallow;
        }

        if (typeInfo.Type.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            node["description"] = description.Description;
        }
    }

    private static JsonObject Allowed(object?[] values)
    {
        if (values.All(v => v is bool))
        {
            return values.Distinct().Count() == 2 ? new JsonObject { ["type"] = "boolean" } : new JsonObject { ["const"] = JsonValue.Create((bool)values[0]!) };
        }

        return new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)))]),
        };
    }

    private static JsonObject Range(RangeAttribute range)
    {
        var integer = range.OperandType == typeof(long) || range.OperandType == typeof(int);
        var node = new JsonObject { ["type"] = integer ? "integer" : "number" };
        var minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        if (range.MinimumIsExclusive)
        {
            node["exclusiveMinimum"] = minimum;
        }
        else
        {
            node["minimum"] = integer ? (long)minimum : minimum;
        }

        return node;
    }

    private static JsonObject WithDescription(JsonObject node, ICustomAttributeProvider? attributes)
    {
        if (Attribute<DescriptionAttribute>(attributes) is { } description)
        {
            node["description"] = description.Description;
        }

        return node;
    }

    private static bool IgnoredWhenNull(ICustomAttributeProvider? attributes) =>
        Attribute<JsonIgnoreAttribute>(attributes) is { Condition: JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault };

    private static T? Attribute<T>(ICustomAttributeProvider? attributes) where T : Attribute =>
        attributes?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
