using System.Globalization;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Formats the values of an interpolated filter as OData literals, as Azure.Data.Tables' <c>TableOdataFilter</c> does:
/// a value can never end its literal early, so it cannot break or extend the filter.
/// </summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = new object?[filter.ArgumentCount];
        for (var i = 0; i < literals.Length; i++)
        {
            literals[i] = ToLiteral(filter.GetArgument(i), i);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    public static string ToLiteral(object? value, int position = 0) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d, position),
        float f => DoubleLiteral(f, position),
        decimal m => DoubleLiteral((double)m, position),
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDateTime(dto) + "'",
        DateTime dt => "datetime'" + TableEntityJson.FormatDateTime(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        BinaryData data => "X'" + Convert.ToHexStringLower(data.ToMemory().Span) + "'",
        _ => throw new ArgumentException($"Filter argument {position} is a {value.GetType().Name}, which has no OData literal; use string, int, long, double, bool, DateTimeOffset, Guid or byte[]."),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double value, int position)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Filter argument {position} is {value}, which has no OData literal.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);

        // A whole number without a decimal point would be an Int32 literal, which does not compare with Double properties.
        return text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }
}
