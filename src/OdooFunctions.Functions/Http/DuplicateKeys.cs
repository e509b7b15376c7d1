using System.Text.Json;

namespace OdooFunctions.Functions.Http;

/// <summary>Finds the first key that an object of a JSON text repeats, to name it in the refusal.</summary>
public static class DuplicateKeys
{
    /// <summary>The repeated key (as a path, e.g. <c>product_qty</c> or <c>data[2].state</c>), or null when there is none or the text is not JSON.</summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        var scopes = new Stack<(HashSet<string>? Keys, string Path, int Index)>();
        var pending = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var key = reader.GetString()!;
                        var (keys, path, _) = scopes.Peek();
                        pending = path.Length == 0 ? key : $"{path}.{key}";
                        if (!keys!.Add(key))
                        {
                            return pending;
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var here = ElementPath(scopes, ref pending);
                        scopes.Push((reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, here, 0));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    default:
                        ElementPath(scopes, ref pending);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not well-formed before any repeat: the caller's generic "not valid JSON" says it.
        }

        return null;
    }

    /// <summary>The path of the value that starts here: after a key, or the next item of an array.</summary>
    private static string ElementPath(Stack<(HashSet<string>? Keys, string Path, int Index)> scopes, ref string pending)
    {
        if (scopes.Count == 0)
        {
            return "";
        }

        var (keys, path, index) = scopes.Peek();
        if (keys is not null)
        {
            return pending;
        }

        scopes.Pop();
        scopes.Push((null, path, index + 1));
        return $"{path}[{index}]";
    }
}
