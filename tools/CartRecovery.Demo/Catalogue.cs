namespace CartRecovery.Demo;

/// <summary>The synthetic shop's catalogue and its customers' locales.</summary>
public static class Catalogue
{
    public static IReadOnlyList<(long Id, string Title, decimal Price)> Products { get; } =
    [
        (9001, "Ceramic Mug", 18.00m), (9002, "Tea Towel", 9.50m), (9003, "Cast Iron Teapot", 64.00m),
        (9004, "Loose Leaf Sencha", 14.90m), (9005, "Bamboo Whisk", 22.00m), (9006, "Gift Box", 120.00m),
    ];

    public static IReadOnlyList<string> Locales { get; } = ["en", "de", "fr", "es", "ja"];
}
