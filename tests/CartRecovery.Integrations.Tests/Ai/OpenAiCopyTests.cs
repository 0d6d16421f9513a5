using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;
using CartRecovery.Integrations.Ai;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Integrations.Tests.Ai;

/// <summary>AI copy through the real OpenAI client against a fake OpenAI-compatible endpoint on loopback.</summary>
public sealed class OpenAiCopyTests : IAsyncLifetime
{
    private const string Shop = "tea-house.myshopify.com";
    private LoopbackHttpServer server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Asks_for_strict_structured_output_with_the_facts_and_no_personal_data()
    {
        Answer(new { subject = "Ihr Warenkorb wartet", preheader = "Noch gespeichert", paragraphs = new[] { "Ihre Teekanne ist noch im Warenkorb und wartet auf Sie." }, callToAction = "Zum Warenkorb" });

        var message = await Compose("de-DE", Channel.Email);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal("Bearer test-key", request.Header("Authorization"));
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("test-model", (string?)body["model"]);
        Assert.Equal("json_schema", (string?)body["response_format"]!["type"]);
        Assert.True((bool?)body["response_format"]!["json_schema"]!["strict"]);
        Assert.Equal("recovery_copy", (string?)body["response_format"]!["json_schema"]!["name"]);
        Assert.Equal(["callToAction", "paragraphs", "preheader", "subject"], body["response_format"]!["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Contains("German", (string?)body["messages"]![0]!["content"]);
        var user = (string)body["messages"]![1]!["content"]!;
        Assert.Contains("Teekanne", user);
        Assert.DoesNotContain("Mia", user);
        Assert.DoesNotContain("mia@example.com", user);

        Assert.Equal("ai", message.CopySource);
        Assert.Equal("Ihr Warenkorb wartet", message.Subject);
        Assert.Contains("Ihre Teekanne ist noch im Warenkorb", message.Html);
        Assert.StartsWith("Hallo Mia,", message.Text);
    }

    [Fact]
    public async Task An_invented_discount_is_rejected_and_the_template_is_sent()
    {
        Answer(new { subject = "15% Rabatt nur für Sie", preheader = "", paragraphs = new[] { "Mit dem Code TEE15 sparen Sie 15% auf Ihre Teekanne." }, callToAction = "Jetzt sparen" });

        var message = await Compose("de-DE", Channel.Email);

        Assert.Equal("template", message.CopySource);
        Assert.Equal("Sie haben etwas in Ihrem Warenkorb bei Tea House vergessen", message.Subject);
        Assert.StartsWith("ai copy refused: number: 15", message.FallbackReason);
    }

    [Fact]
    public async Task Copy_in_the_wrong_language_is_rejected()
    {
        Answer(new { subject = "Your teapot is waiting", preheader = "", paragraphs = new[] { "Your teapot is still in your cart and we saved it for you." }, callToAction = "Back to cart" });

        var message = await Compose("fr-FR", Channel.Push);

        Assert.Equal("template", message.CopySource);
        Assert.Equal("Votre panier vous attend", message.Title);
        Assert.StartsWith("ai copy refused: language", message.FallbackReason);
    }

    [Fact]
    public async Task A_link_in_the_copy_is_rejected()
    {
        Answer(new { subject = "", preheader = "", paragraphs = new[] { "Your Teekanne is waiting at https://tea-house.example/cart for you." }, callToAction = "Go" });

        var message = await Compose("en-US", Channel.Sms);

        Assert.Equal("template", message.CopySource);
        Assert.StartsWith("ai copy refused: link", message.FallbackReason);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_and_the_template_is_sent()
    {
        server.Respond = async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

        var message = await Compose("en-US", Channel.Email, timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(("template", "ai: timed out"), (message.CopySource, message.FallbackReason));
    }

    [Fact]
    public async Task A_server_error_is_not_retried_and_the_template_is_sent()
    {
        server.Respond = (_, context) =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("{\"error\":{\"message\":\"boom\"}}");
        };

        var message = await Compose("en-US", Channel.Email);

        Assert.Equal("template", message.CopySource);
        Assert.Equal("ai: ClientResultException", message.FallbackReason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_schema_falls_back()
    {
        server.Respond = (_, context) => WriteCompletion(context, "not json at all");

        var message = await Compose("en-US", Channel.Email);

        Assert.Equal(("template", "ai: InvalidDataException"), (message.CopySource, message.FallbackReason));
    }

    [Fact]
    public async Task Without_a_key_no_request_is_made()
    {
        var writer = new OpenAiCopyWriter(new AiOptions { Endpoint = server.BaseAddress + "v1", ApiKey = "" });

        var message = await Composer(writer).ComposeAsync(Step("en-US", Channel.Email), "m1", Cancel);

        Assert.False(writer.Enabled);
        Assert.Equal(("template", null), (message.CopySource, message.FallbackReason));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Azure_openai_without_a_key_sends_an_entra_token_for_the_cognitive_services_scope()
    {
        // Bearer tokens only travel over TLS, so this fake Azure OpenAI endpoint is HTTPS with a certificate the client trusts.
        await using var azure = await LoopbackHttpServer.StartHttpsAsync();
        azure.Respond = (_, context) => WriteCompletion(context, JsonSerializer.Serialize(new { subject = "Your cart is waiting", preheader = "Still saved", paragraphs = new[] { "Your Teekanne is still in your cart, saved for you." }, callToAction = "Back to cart" }));
        var credential = new KnownTokenCredential("entra-token-123");
        using var http = new HttpClient(azure.TrustingHandler());
        var writer = new OpenAiCopyWriter(
            new AiOptions { Endpoint = azure.BaseAddress + "openai/v1", UseManagedIdentity = true, Model = "my-deployment", Timeout = TimeSpan.FromSeconds(20) },
            credential,
            http);

        var message = await Composer(writer).ComposeAsync(Step("en-US", Channel.Email), "m1", Cancel);

        Assert.Equal(("ai", null), (message.CopySource, message.FallbackReason));
        var request = Assert.Single(azure.Requests);
        Assert.Equal(("POST", "/openai/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal("Bearer entra-token-123", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Equal("my-deployment", (string?)JsonNode.Parse(request.BodyText)!["model"]);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task A_token_that_cannot_be_had_falls_back_to_the_template_without_a_request()
    {
        await using var azure = await LoopbackHttpServer.StartHttpsAsync();
        using var http = new HttpClient(azure.TrustingHandler());
        var writer = new OpenAiCopyWriter(
            new AiOptions { Endpoint = azure.BaseAddress + "openai/v1", UseManagedIdentity = true, Model = "my-deployment" },
            new KnownTokenCredential(null),
            http);

        var message = await Composer(writer).ComposeAsync(Step("en-US", Channel.Email), "m1", Cancel);

        Assert.Equal(("template", "ai: CredentialUnavailableException"), (message.CopySource, message.FallbackReason));
        Assert.Empty(azure.Requests);
    }

    [Fact]
    public async Task A_bearer_token_is_never_sent_over_plain_http()
    {
        var writer = new OpenAiCopyWriter(
            new AiOptions { Endpoint = server.BaseAddress + "openai/v1", UseManagedIdentity = true, Model = "my-deployment" },
            new KnownTokenCredential("entra-token-123"));

        var message = await Composer(writer).ComposeAsync(Step("en-US", Channel.Email), "m1", Cancel);

        Assert.Equal("template", message.CopySource);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Keyless_auth_needs_an_endpoint_and_excludes_a_key()
    {
        Assert.Throws<InvalidOperationException>(() => new OpenAiCopyWriter(new AiOptions { UseManagedIdentity = true }, new KnownTokenCredential("t")));
        Assert.Throws<InvalidOperationException>(() => new OpenAiCopyWriter(new AiOptions { Endpoint = "https://x.openai.azure.com/openai/v1", ApiKey = "k", UseManagedIdentity = true }, new KnownTokenCredential("t")));
    }

    private void Answer(object copy) => server.Respond = (_, context) => WriteCompletion(context, JsonSerializer.Serialize(copy));

    private static Task WriteCompletion(HttpContext context, string content)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, finish_reason = "stop", logprobs = (object?)null } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));
    }

    private Task<RenderedMessage> Compose(string locale, Channel channel, TimeSpan? timeout = null)
    {
        var writer = new OpenAiCopyWriter(new AiOptions { Endpoint = server.BaseAddress + "v1", ApiKey = "test-key", Model = "test-model", Timeout = timeout ?? TimeSpan.FromSeconds(20) });
        return Composer(writer).ComposeAsync(Step(locale, channel), "m1", Cancel);
    }

    private static MessageComposer Composer(IAiCopyWriter writer)
    {
        const string key = "integration-signing-key-0123456789abcdef";
        return new MessageComposer(
            new InMemoryShops([new ShopSeedOptions { Shop = Shop, Name = "Tea House" }]),
            new MessageLinks(new AppLinkOptions { SigningKey = key }, new TokenSigner(key), TimeProvider.System),
            writer,
            new NoRecommendations(),
            new NoLinkShortener(),
            new CompositionOptions { Timeout = TimeSpan.FromSeconds(60) },
            TimeProvider.System,
            NullLogger<MessageComposer>.Instance);
    }

    private static StepRequest Step(string locale, Channel channel)
    {
        var cart = new CartSnapshot(
            Shop, "chk-1", CartKind.Checkout, "cart-1", "chk-1",
            new CustomerSnapshot(7, "Mia", "Muster", 0, 0m),
            new ContactInfo("mia@example.com", "+4917000000", ConsentState.Subscribed, ConsentState.Subscribed),
            "EUR", 39.9m, locale,
            [new CartLine(1, 2, "Teekanne", "Grün", 1, 39.9m, null, "T-1")],
            $"https://{Shop}/1/checkouts/chk-1/recover?key=abc",
            DateTimeOffset.UtcNow);
        return new StepRequest("cart-wf", cart, "step-1", 1, channel, MessageIntent.HelpfulReminder, false, null, StepRequest.KeyFor(Shop, "chk-1", "step-1", channel));
    }
}
