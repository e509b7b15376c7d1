using System.Text.Encodings.Web;
using System.Text.Json;
using OdooFunctions.Functions.OpenApi;

namespace OdooFunctions.Cli.OpenApi;

/// <summary>
/// <c>odoofunctions openapi [--out FILE]</c>: the document <c>GET /api/openapi.json</c> serves, written without a running
/// host, for the linter and the TypeScript client's generator (<c>clients/typescript/openapi.json</c>).
/// </summary>
public static class OpenApiCommand
{
    // Indented and unescaped, so the committed copy reads well and diffs line by line.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        string? file = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                file = args[++i];
            }
            else
            {
                errors.WriteLine($"odoofunctions openapi: unknown option '{args[i]}' (usage: odoofunctions openapi [--out FILE])");
                return 2;
            }
        }

        var text = OpenApiDocument.Build().ToJsonString(Indented) + "\n";
        if (file is null)
        {
            output.Write(text);
            return 0;
        }

        var path = Path.GetFullPath(file, Environment.GetEnvironmentVariable("PWD") ?? Directory.GetCurrentDirectory());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        output.WriteLine($"OpenAPI document written to {path}");
        return 0;
    }
}
