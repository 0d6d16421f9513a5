namespace CartRecovery.Integrations.Ai;

/// <summary>
/// The OpenAI-compatible endpoint for AI copy (section <c>Ai</c>). Without <see cref="ApiKey"/> or
/// <see cref="UseManagedIdentity"/> messages use templates only.
/// <see cref="Endpoint"/> is the API base including <c>/v1</c> (OpenAI: empty; Azure OpenAI: <c>https://{resource}.openai.azure.com/openai/v1</c>).
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>The Entra ID scope of Azure OpenAI (Cognitive Services) tokens.</summary>
    public const string AzureOpenAiScope = "https://cognitiveservices.azure.com/.default";

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// Authenticate to Azure OpenAI with Entra ID tokens instead of a key: the user-assigned identity
    /// <see cref="ManagedIdentityClientId"/> when set, otherwise <c>DefaultAzureCredential</c> (managed identity in Azure,
    /// developer sign-in locally). Needs <see cref="Endpoint"/> and the <i>Cognitive Services OpenAI User</i> role.
    /// </summary>
    public bool UseManagedIdentity { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Per request; on expiry the template copy is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
