namespace CartRecovery.Integrations.Ai;

/// <summary>
/// The OpenAI-compatible endpoint for AI copy (section <c>Ai</c>). Without <see cref="ApiKey"/> messages use templates only.
/// <see cref="Endpoint"/> is the API base including <c>/v1</c> (OpenAI: empty; Azure OpenAI: <c>https://{resource}.openai.azure.com/openai/v1</c>).
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Per request; on expiry the template copy is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
