using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
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
    {
        this.options = options;
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return;
        }

        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // a late message is worse than template copy: no retries
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions);
    }

    public bool Enabled => client is not null;

    public async Task<MessageCopy> WriteAsync(CopyFacts facts, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            throw new NotSupportedException("AI copy is not configured (Ai:ApiKey is empty).");
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
