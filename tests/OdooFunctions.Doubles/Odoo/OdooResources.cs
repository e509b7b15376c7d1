namespace OdooFunctions.Doubles.Odoo;

/// <summary>Reads the double's embedded files (seed data, recorded HTML pages).</summary>
internal static class OdooResources
{
    public static string Read(string fileName)
    {
        var assembly = typeof(OdooResources).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal) || n == fileName);
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
