namespace CartRecovery.Core.Workflow.Settings;

/// <summary>The names sequences are configured under: "default", used for any segment without its own, and one per segment.</summary>
public static class SequenceKeys
{
    public const string Default = "default";

    public static IReadOnlyList<string> All { get; } = [Default, .. Enum.GetValues<Segment>().Select(For)];

    public static string For(Segment segment) => segment switch
    {
        Segment.FirstTime => "firstTime",
        Segment.Returning => "returning",
        Segment.HighValue => "highValue",
        Segment.LowStock => "lowStock",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };
}
