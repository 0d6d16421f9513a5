namespace CartRecovery.Core.Messaging.Composition;

/// <summary>Templates and locale strings ship inside the assembly, so both hosts render the same messages without files on disk.</summary>
internal static class EmbeddedResources
{
    private const string Prefix = "CartRecovery.Core.Messaging.Composition.";

    public static Stream Open(string name) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"Embedded resource '{Prefix + name}' is missing.");

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
