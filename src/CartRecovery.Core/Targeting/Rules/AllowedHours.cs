namespace CartRecovery.Core.Targeting.Rules;

/// <summary>A daily window of local time in which messages may go out: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record AllowedHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => Start <= End ? time >= Start && time < End : time >= Start || time < End;

    /// <summary>The narrower of two windows that both start before they end (the stricter rule wins).</summary>
    public AllowedHours Intersect(AllowedHours other) =>
        new(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);
}
