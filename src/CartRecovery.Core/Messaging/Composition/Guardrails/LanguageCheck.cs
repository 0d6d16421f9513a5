namespace CartRecovery.Core.Messaging.Composition.Guardrails;

/// <summary>
/// A cheap "is this the asked language?" check: Japanese must be mostly kana and kanji (with at least some kana, which Chinese
/// lacks); the Latin-script languages must have more of their own stop words than of any other, and no Japanese script.
/// </summary>
internal static class LanguageCheck
{
    public static string? Check(string text, string language)
    {
        var letters = text.Where(char.IsLetter).ToArray();
        var japanese = letters.Count(IsJapanese);
        if (language == "ja")
        {
            var kana = letters.Count(c => c is >= '\u3040' and <= '\u30FF');
            return kana > 0 && japanese * 2 >= letters.Length ? null : "language: the copy is not Japanese";
        }

        if (japanese > 0)
        {
            return $"language: the copy contains Japanese script but should be {language}";
        }

        var words = text.ToLowerInvariant()
            .Split((char[])[' ', '\n', '\t', ',', '.', '!', '?', ';', ':', '"', '(', ')', '¡', '¿', '«', '»', '’', '\''], StringSplitOptions.RemoveEmptyEntries);
        var scores = LanguageVocabulary.StopWords.ToDictionary(l => l.Key, l => words.Count(l.Value.Contains));
        var own = scores.GetValueOrDefault(language);
        var best = scores.Where(s => s.Key != language).Select(s => s.Value).DefaultIfEmpty(0).Max();
        var needed = words.Length >= 8 ? 2 : 1;
        return own >= needed && own > best ? null : $"language: the copy does not read as {language}";
    }

    private static bool IsJapanese(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uFF66' and <= '\uFF9F';
}
