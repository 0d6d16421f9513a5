using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CartRecovery.Core.Messaging.Composition.Guardrails;

/// <summary>
/// Checks AI copy before it is used: it must fit the channel, be in the asked language, carry no link or markup, and claim no
/// product, price, discount, code or deadline that is not in the <see cref="CopyFacts"/>. The first failure is returned as a
/// short reason (recorded as the message's fallback reason); null means the copy may be used.
/// Fact strings (titles, the store name, the code, formatted prices) are masked first, so "iPhone 15" in a title is not a number claim.
/// </summary>
public static partial class CopyGuardrails
{
    private const string Mask = " \u2063 ";

    public static string? Check(MessageCopy copy, CopyFacts facts) =>
        CheckShape(copy, CopyLimits.For(facts.Channel))
        ?? CheckContent(All(copy), facts);

    private static string? CheckShape(MessageCopy copy, CopyLimits limits)
    {
        if (copy.Paragraphs.Count == 0 || copy.Paragraphs.Any(string.IsNullOrWhiteSpace))
        {
            return "length: empty body";
        }

        if (copy.Paragraphs.Count > limits.MaxParagraphs)
        {
            return $"length: {copy.Paragraphs.Count} paragraphs, at most {limits.MaxParagraphs}";
        }

        if (limits.Subject > 0 && string.IsNullOrWhiteSpace(copy.Subject))
        {
            return "length: empty subject";
        }

        return TooLong("subject", copy.Subject, limits.Subject)
            ?? TooLong("preheader", copy.Preheader, limits.Preheader)
            ?? copy.Paragraphs.Select(p => TooLong("paragraph", p, limits.Paragraph)).FirstOrDefault(r => r is not null)
            ?? TooLong("body", string.Join(' ', copy.Paragraphs), limits.Body)
            ?? (string.IsNullOrWhiteSpace(copy.CallToAction) ? "length: empty call to action" : TooLong("call to action", copy.CallToAction, limits.CallToAction));
    }

    private static string? TooLong(string part, string? value, int limit) =>
        value is not null && value.Length > Math.Max(limit, 0) && (limit > 0 || value.Length > 0)
            ? $"length: {part} has {value.Length} characters, at most {limit}"
            : null;

    private static string? CheckContent(string text, CopyFacts facts)
    {
        if (LinkLike().IsMatch(text))
        {
            return "link: the copy contains a link or an address";
        }

        if (Markup().IsMatch(text))
        {
            return "markup: the copy contains HTML";
        }

        var quoted = CheckQuotedNames(text, facts);
        if (quoted is not null)
        {
            return quoted;
        }

        var masked = MaskFacts(text, facts);
        return CheckNumbers(masked, facts)
            ?? CheckCodes(masked)
            ?? CheckWords(masked, facts.Language, LanguageVocabulary.DiscountWords, facts.Incentive is not null, "discount")
            ?? CheckWords(masked, facts.Language, LanguageVocabulary.DeadlineWords, facts.Incentive?.ExpiresAt is not null, "deadline")
            ?? LanguageCheck.Check(masked, facts.Language);
    }

    private static string All(MessageCopy copy) =>
        string.Join('\n', new[] { copy.Subject, copy.Preheader }.Concat(copy.Paragraphs).Append(copy.CallToAction).Where(s => !string.IsNullOrEmpty(s)));

    private static string MaskFacts(string text, CopyFacts facts)
    {
        var strings = facts.Items.SelectMany(i => new[] { i.Title, i.Variant, i.FormattedLinePrice })
            .Append(facts.StoreName).Append(facts.FormattedTotal)
            .Append(facts.Incentive?.Code).Append(facts.Incentive?.FormattedAmountOff).Append(facts.Incentive?.FormattedExpiry)
            .Where(s => !string.IsNullOrWhiteSpace(s) && s!.Length >= 2)
            .OrderByDescending(s => s!.Length);
        var masked = text;
        foreach (var fact in strings)
        {
            masked = Regex.Replace(masked, Regex.Escape(fact!), Mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        return masked;
    }

    /// <summary>Names in quotes must be names we know: a quoted product that is not in the cart is an invented product.</summary>
    private static string? CheckQuotedNames(string text, CopyFacts facts)
    {
        var known = facts.Items.SelectMany(i => new[] { i.Title, i.Variant }).Append(facts.StoreName)
            .Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        foreach (Match match in Quoted().Matches(text))
        {
            var inner = match.Groups[1].Value.Trim();
            var isKnown = known.Any(k => k!.Contains(inner, StringComparison.OrdinalIgnoreCase) || inner.Contains(k!, StringComparison.OrdinalIgnoreCase));
            if (!isKnown)
            {
                return $"product: \"{Shorten(inner)}\" is not in the cart";
            }
        }

        return null;
    }

    private static string? CheckNumbers(string masked, CopyFacts facts)
    {
        var allowed = AllowedNumbers(facts);
        foreach (Match match in NumberLike().Matches(masked))
        {
            var candidates = Interpretations(Normalise(match.Value));
            if (!candidates.Any(allowed.Contains))
            {
                return $"number: {Shorten(match.Value)} is not in the facts";
            }
        }

        return null;
    }

    private static string? CheckCodes(string masked)
    {
        foreach (Match match in CodeLike().Matches(masked))
        {
            if (match.Value is not "STOP")
            {
                return $"code: {Shorten(match.Value)} looks like a code that is not in the facts";
            }
        }

        return null;
    }

    private static string? CheckWords(string masked, string language, IReadOnlyDictionary<string, string[]> vocabulary, bool allowed, string kind)
    {
        if (allowed)
        {
            return null;
        }

        var lowered = masked.ToLowerInvariant();
        var hit = vocabulary.Where(v => v.Key == language || v.Key == "en").SelectMany(v => v.Value)
            .FirstOrDefault(word => ContainsWord(lowered, word));
        return hit is null ? null : $"{kind}: \"{hit.Trim()}\" but the facts have no {kind}";
    }

    private static bool ContainsWord(string text, string word)
    {
        var trimmed = word.Trim();
        if (trimmed.Any(c => c > 0x3000))
        {
            return text.Contains(trimmed, StringComparison.Ordinal);
        }

        for (var index = text.IndexOf(trimmed, StringComparison.Ordinal); index >= 0; index = text.IndexOf(trimmed, index + 1, StringComparison.Ordinal))
        {
            var before = index == 0 || !char.IsLetter(text[index - 1]);
            var end = index + trimmed.Length;
            var after = end >= text.Length || !char.IsLetter(text[end]) || trimmed.EndsWith(' ');
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<decimal> AllowedNumbers(CopyFacts facts)
    {
        var allowed = new HashSet<decimal> { facts.Total, facts.Items.Count, facts.Items.Sum(i => i.Quantity) };
        foreach (var item in facts.Items)
        {
            allowed.Add(item.Quantity);
            allowed.Add(item.UnitPrice);
            allowed.Add(item.UnitPrice * item.Quantity);
        }

        if (facts.Incentive is { } incentive)
        {
            if (incentive.PercentOff is { } percent)
            {
                allowed.Add(percent);
            }

            if (incentive.AmountOff is { } amount)
            {
                allowed.Add(amount);
            }

            if (incentive.ExpiresAt is { } expires)
            {
                allowed.UnionWith([expires.Day, expires.Month, expires.Year, expires.Hour, expires.Minute]);
            }
        }

        return allowed;
    }

    /// <summary>Full-width and other script digits become ASCII; spaces used as group separators go.</summary>
    private static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                builder.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (c is '.' or ',')
            {
                builder.Append(c);
            }
            else if (c is '．')
            {
                builder.Append('.');
            }
            else if (c is '，')
            {
                builder.Append(',');
            }
        }

        return builder.ToString();
    }

    /// <summary>"1.299,00" and "1,299.00" and "49,99" may each be read two ways; a number is fine if any reading is a fact.</summary>
    private static IEnumerable<decimal> Interpretations(string value)
    {
        foreach (var (group, @decimal) in new[] { (",", "."), (".", ",") })
        {
            var format = new NumberFormatInfo { NumberGroupSeparator = group, NumberDecimalSeparator = @decimal };
            if (decimal.TryParse(value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, format, out var parsed))
            {
                yield return parsed;
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"(https?:|www\.|mailto:|[^\s@]+@[^\s@]+\.[a-z]{2,}|\]\(|\b[\w-]+\.(com|net|org|io|co|shop|store|de|fr|es|jp|uk|app|link|ly|me|info|biz)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{Nd}+(?:[.,．，'\u00A0\u202F ]\p{Nd}+)*")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9_-]{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLike();

    [GeneratedRegex("[\"“”„«»「」『』]([^\"“”„«»「」『』\\n]{2,120})[\"“”„«»「」『』]")]
    private static partial Regex Quoted();
}
