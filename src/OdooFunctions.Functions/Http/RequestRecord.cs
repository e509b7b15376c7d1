using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OdooFunctions.Functions.Http;

/// <summary>
/// Reads a JSON object body into its wire record. The record refuses members it does not map
/// (<c>JsonUnmappedMemberHandling.Disallow</c>), so a typo never silently does nothing; the refusal names every one.
/// </summary>
public static class RequestRecord
{
    /// <summary>The field names <paramref name="typeInfo"/> maps, in its order: the one list of what a body may carry.</summary>
    public static IReadOnlyList<string> FieldsOf(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return [.. typeInfo.Properties.Select(property => property.Name)];
    }

    /// <summary><paramref name="body"/> (a JSON object) as <typeparamref name="T"/>, or a 400 listing its unknown fields.</summary>
    public static T Read<T>(JsonElement body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return body.Deserialize(typeInfo)!;
        }
        catch (JsonException)
        {
            // The serializer stops at the first unknown member; the answer names them all, in the body's order.
            var known = FieldsOf(typeInfo);
            var unknown = body.EnumerateObject().Select(property => property.Name).Where(name => !known.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidRequestException($"Unknown field(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", known)}.");
            }

            throw;
        }
    }
}
