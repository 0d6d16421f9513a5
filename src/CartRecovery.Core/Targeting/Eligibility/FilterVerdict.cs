namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>A filter's answer: pass, skip (with the reason) or defer (until a time, with the reason). <see cref="Filter"/> names who said it.</summary>
public sealed record FilterVerdict(string Filter, VerdictKind Kind, string? Reason = null, DateTimeOffset? Until = null)
{
    public static FilterVerdict Pass(string filter, string? note = null) => new(filter, VerdictKind.Pass, note);

    public static FilterVerdict Skip(string filter, string reason) => new(filter, VerdictKind.Skip, reason);

    public static FilterVerdict Defer(string filter, DateTimeOffset until, string reason) => new(filter, VerdictKind.Defer, reason, until);

    /// <summary>How the verdict reads in the sequence API: <c>{filter}: {reason}</c>.</summary>
    public string Describe() => Reason is null ? Filter : $"{Filter}: {Reason}";
}
