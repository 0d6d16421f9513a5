using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>Local-time arithmetic for quiet hours, correct across daylight-saving changes (a skipped hour, a repeated hour).</summary>
public static class QuietHoursClock
{
    /// <summary>
    /// <paramref name="now"/> when it falls inside <paramref name="hours"/> in <paramref name="zone"/>, else the first minute
    /// the window opens after it (today's start, or tomorrow's).
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone, AllowedHours hours)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (hours.Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return now;
        }

        var today = DateOnly.FromDateTime(local.DateTime);
        var day = TimeOnly.FromDateTime(local.DateTime) < hours.Start ? today : today.AddDays(1);
        return ToInstant(day.ToDateTime(hours.Start), zone);
    }

    /// <summary>
    /// The instant a local wall-clock time names. A time the clocks skip (spring forward) moves to the first valid minute
    /// after it; a time they repeat (fall back) takes its first occurrence, so a deferral never waits an extra hour.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}
