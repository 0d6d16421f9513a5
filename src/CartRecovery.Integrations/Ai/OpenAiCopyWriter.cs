using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using CartRecovery.Core.Messaging.Composition;
using OpenAI;
using OpenAI.Chat;

namespace CartRecovery.Integrations.Ai;

/// <summary>
/// AI copy through the OpenAI package against any OpenAI-compatible chat completions endpoint, asking for structured output
/// (strict JSON schema). Failures throw (a timeout as <see cref="TimeoutException"/>); the composer falls back to templates.
/// </summary>
public sealed class OpenAiCopyWriter : IAiCopyWriter
{
    private readonly ChatClient? client;
    private readonly AiOptions options;

    public OpenAiCopyWriter(AiOptions options)
        : this(options, options.UseManagedIdentity ? CreateCredential(options.ManagedIdentityClientId) : null)
    {
    }

    /// <param name="credential">Used when <see cref="AiOptions.UseManagedIdentity"/> is set (tests pass their own).</param>
    /// <param name="transport">Tests pass one that trusts their loopback server's certificate.</param>
    internal OpenAiCopyWriter(AiOptions options, TokenCredential? credential, HttpClient? transport = null)
    {
        this.options = options;
        if (!options.UseManagedIdentity && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return;
        }

        if (options.UseManagedIdentity && !string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException("Set either Ai:ApiKey or Ai:UseManagedIdentity, not both.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // a late message is worse than template copy: no retries
        };
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        if (options.UseManagedIdentity)
        {
            if (clientOptions.Endpoint is null)
            {
                throw new InvalidOperationException("Ai:UseManagedIdentity needs Ai:Endpoint (https://{resource}.openai.azure.com/openai/v1).");
            }

            // Azure OpenAI's /openai/v1/ API takes Entra ID bearer tokens; Azure.Core's TokenCredential is a System.ClientModel
            // AuthenticationTokenProvider, so the OpenAI client's own pipeline fetches and caches them (over HTTPS only).
            var policy = new BearerTokenPolicy(credential ?? CreateCredential(options.ManagedIdentityClientId), AiOptions.AzureOpenAiScope);
#pragma warning disable OPENAI001 // the package marks its AuthenticationPolicy constructor experimental; it is the keyless path its README shows for Azure OpenAI
            client = new ChatClient(options.Model, policy, clientOptions);
#pragma warning restore OPENAI001
            return;
        }

        client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), clientOptions);
    }

    public bool Enabled => client is not null;

    public async Task<MessageCopy> WriteAsync(CopyFacts facts, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            throw new NotSupportedException("AI copy is not configured (neither Ai:ApiKey nor Ai:UseManagedIdentity is set).");
        }

        var completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(CopyPrompt.SchemaName, CopyPrompt.Schema, jsonSchemaIsStrict: true),
            Temperature = 0.7f,
        };
        ChatMessage[] messages = [new SystemChatMessage(CopyPrompt.System(facts)), new UserChatMessage(CopyPrompt.User(facts))];
        ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(messages, completionOptions, cancellationToken)).Value;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The model did not answer within {options.Timeout}.");
        }

        var text = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        return Parse(text);
    }

    internal static MessageCopy Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidDataException("The model answered without content.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var paragraphs = root.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToArray();
            return new MessageCopy(
                NullIfEmpty(root.GetProperty("subject").GetString()),
                NullIfEmpty(root.GetProperty("preheader").GetString()),
                paragraphs,
                root.GetProperty("callToAction").GetString() ?? string.Empty);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException("The model's answer does not follow the schema.", exception);
        }
    }

    private static TokenCredential CreateCredential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
