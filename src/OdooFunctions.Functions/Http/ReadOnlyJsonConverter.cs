using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Http;

/// <summary>A converter for values the app only reads from another system (Odoo, the dashboard), never writes.</summary>
internal abstract class ReadOnlyJsonConverter<T> : JsonConverter<T>
{
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is only read.");
}
