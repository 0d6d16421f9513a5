using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// The strings of one language (embedded <c>Locales/{language}.json</c>). Placeholders such as <c>{store}</c> are filled in one
/// pass, so a value that itself contains "{code}" is never expanded again. Values are plain text; templates escape them.
/// </summary>
public sealed partial class LocaleText
{
    private static readonly ConcurrentDictionary<string, LocaleText> Loaded = new(StringComparer.Ordinal);
    private readonly JsonElement root;

    private LocaleText(string language, JsonElement root)
    {
        Language = language;
        this.root = root;
    }

    public string Language { get; }

    public static LocaleText For(string language) => Loaded.GetOrAdd(language, Load);

    /// <summary>The string at a dotted path, e.g. "intents.FinalOffer.subject", with placeholders filled; throws when missing.</summary>
    public string Get(string path, IReadOnlyDictionary<string, string>? values = null) =>
        Fill(Find(path)?.GetString() ?? throw new KeyNotFoundException($"'{path}' is missing from {Language}.json."), values);

    public string? Find(string path, IReadOnlyDictionary<string, string>? values = null) =>
        Find(path) is { ValueKind: JsonValueKind.String } element ? Fill(element.GetString()!, values) : null;

    public IReadOnlyList<string> GetLines(string path, IReadOnlyDictionary<string, string>? values = null) =>
        Find(path) is { ValueKind: JsonValueKind.Array } element
            ? element.EnumerateArray().Select(e => Fill(e.GetString() ?? string.Empty, values)).ToArray()
            : throw new KeyNotFoundException($"'{path}' is missing from {Language}.json.");

    public bool Has(string path) => Find(path) is not null;

    private JsonElement? Find(string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string>? values) =>
        values is null ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    private static LocaleText Load(string language)
    {
        if (!MessageLocale.Supported.Contains(language))
        {
            throw new ArgumentException($"Unsupported language '{language}'.", nameof(language));
        }

        using var stream = EmbeddedResources.Open($"Locales.{language}.json");
        using var document = JsonDocument.Parse(stream);
        return new LocaleText(language, document.RootElement.Clone());
    }

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
