using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Email;

/// <summary>SMTP against a real MailDev, reading each message back through its REST API.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private MailDevServer maildev = null!;

    public async ValueTask InitializeAsync() => maildev = await MailDevServer.StartAsync();

    public async ValueTask DisposeAsync() => await maildev.DisposeAsync();

    [Fact]
    public async Task Delivers_text_and_html_parts_with_the_unsubscribe_headers()
    {
        var message = TestDelivery.Email("Ihr Warenkorb wartet – 2 Artikel");

        var receipt = await Sender(maildev.SmtpPort).SendAsync(message, "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        var mail = await SingleMailAsync();
        Assert.Equal("smtp", receipt.Provider);
        Assert.Equal($"<{IdempotencyIds.HexFor(TestDelivery.Key)}@mail.example>", receipt.ProviderMessageId);
        Assert.Equal("Ihr Warenkorb wartet – 2 Artikel", mail.GetProperty("subject").GetString());
        Assert.Equal("ana@example.com", mail.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("shop@mail.example", mail.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Equal("Demo Store", mail.GetProperty("from")[0].GetProperty("name").GetString());
        var headers = mail.GetProperty("headers");
        Assert.Equal("<https://app.example/u/abc>", headers.GetProperty("list-unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
        Assert.Equal(receipt.ProviderMessageId, headers.GetProperty("message-id").GetString());
        Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString(), StringComparison.Ordinal);
        Assert.Equal(message.Text, mail.GetProperty("text").GetString()!.TrimEnd());
        Assert.Equal(message.Html, mail.GetProperty("html").GetString()!.TrimEnd());
    }

    [Fact]
    public async Task A_server_that_is_not_listening_is_transient_after_the_retries()
    {
        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => Sender(FreePort.Next()).SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("smtp", failure.Provider);
    }

    [Fact]
    public async Task A_message_without_a_subject_is_refused_before_connecting()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Sender(maildev.SmtpPort).SendAsync(TestDelivery.Email() with { Subject = " " }, "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("[]", (await maildev.ReadEmailsJsonAsync(TestContext.Current.CancellationToken)).Trim());
    }

    private async Task<JsonElement> SingleMailAsync()
    {
        using var document = JsonDocument.Parse(await maildev.ReadEmailsJsonAsync(TestContext.Current.CancellationToken));
        return Assert.Single(document.RootElement.EnumerateArray()).Clone();
    }

    private static SmtpEmailSender Sender(int port) => new(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions
        {
            FromAddress = "shop@mail.example",
            FromName = "Demo Store",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port },
        }),
        TestDelivery.Factory());
}
