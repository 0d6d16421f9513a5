namespace CartRecovery.Core.Messaging.Composition;

/// <summary>How AI copy is asked for (section <c>Ai</c>; the connection settings live with the OpenAI writer).</summary>
public sealed class CompositionOptions
{
    public const string Section = "Ai";

    /// <summary>The voice asked of the model, e.g. "warm and helpful" or "playful".</summary>
    public string Tone { get; set; } = "warm, helpful and concise";

    /// <summary>How long composing waits for AI copy before using the template.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
